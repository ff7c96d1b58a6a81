using LiveGrid.Blobs.Hosting;
using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Hosting;

/// <summary>Puts the configured blob store (IBlobStore) into the host.</summary>
public static class LiveGridBlobExtensions
{
    /// <exception cref="LiveGridConfigurationException">LiveGrid:Blobs names something LiveGrid cannot use.</exception>
    public static WebApplicationBuilder AddLiveGridBlobs(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        switch (BlobConfiguration.ReadProvider(configuration))
        {
            case BlobProvider.Azure:
                var azure = BlobConfiguration.ReadAzure(configuration);
                builder.Services.AddAzureBlobStore(options =>
                {
                    options.ConnectionString = azure.ConnectionString;
                    options.OperationTimeout = azure.OperationTimeout;
                    options.BlockSizeBytes = azure.BlockSizeBytes;
                });
                break;

            default:
                var folder = BlobConfiguration.ReadFolder(configuration, builder.Environment.ContentRootPath);
                builder.Services.AddFolderBlobStore(options => options.RootDirectory = folder.RootDirectory);
                break;
        }

        return builder;
    }
}
