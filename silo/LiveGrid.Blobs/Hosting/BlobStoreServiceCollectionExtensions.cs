using LiveGrid.Blobs.Azure;
using LiveGrid.Blobs.Folder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveGrid.Blobs.Hosting;

/// <summary>Registers one <see cref="IBlobStore"/> (a singleton: both stores are safe for concurrent use).</summary>
public static class BlobStoreServiceCollectionExtensions
{
    public static IServiceCollection AddFolderBlobStore(this IServiceCollection services, Action<FolderBlobStoreOptions> configure)
    {
        services.AddOptions<FolderBlobStoreOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IBlobStore>();
        services.AddSingleton<IBlobStore>(provider => new FolderBlobStore(
            provider.GetRequiredService<IOptions<FolderBlobStoreOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static IServiceCollection AddAzureBlobStore(this IServiceCollection services, Action<AzureBlobStoreOptions> configure)
    {
        services.AddOptions<AzureBlobStoreOptions>().Configure(configure);
        services.RemoveAll<IBlobStore>();
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        return services;
    }
}
