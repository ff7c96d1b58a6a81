using LiveGrid.Blobs.Azure;
using LiveGrid.Blobs.Folder;

namespace LiveGrid.Silo.Configuration;

/// <summary>Reads and checks the "LiveGrid:Blobs" section, so a wrong setting stops LiveGrid before it serves anything.</summary>
public static class BlobConfiguration
{
    public const string SectionName = "LiveGrid:Blobs";

    /// <summary>The folder store's folder under the data directory when none is configured.</summary>
    public const string DefaultFolderName = "blobs";

    /// <summary>The configured provider; the folder store when none is set.</summary>
    public static BlobProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[$"{SectionName}:Provider"]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return BlobProvider.Folder;
        }

        // Names only: Enum.TryParse would also accept "1".
        foreach (var provider in Enum.GetValues<BlobProvider>())
        {
            if (string.Equals(provider.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new LiveGridConfigurationException(
            $"unknown blob provider '{value}' in LiveGrid:Blobs:Provider (environment variable LiveGrid__Blobs__Provider). " +
            $"Allowed values: {string.Join(", ", Enum.GetNames<BlobProvider>())}.");
    }

    /// <summary>The folder store's options; a relative RootDirectory is under the content root, none means data/blobs.</summary>
    public static FolderBlobStoreOptions ReadFolder(IConfiguration configuration, string contentRoot)
    {
        var options = Bind<FolderBlobStoreOptions>(configuration, "Folder");
        options.RootDirectory = string.IsNullOrWhiteSpace(options.RootDirectory)
            ? Path.Combine(StorageConfiguration.ReadSqliteDataDirectory(configuration, contentRoot), DefaultFolderName)
            : Path.GetFullPath(options.RootDirectory.Trim(), contentRoot);
        return options;
    }

    /// <summary>The Azure store's options, with the connection string checked (not yet connected).</summary>
    public static AzureBlobStoreOptions ReadAzure(IConfiguration configuration)
    {
        var options = Bind<AzureBlobStoreOptions>(configuration, "Azure");
        if (!AzureBlobStore.TryParseConnectionString(options.ConnectionString, out _, out var error))
        {
            throw new LiveGridConfigurationException(
                $"LiveGrid:Blobs:Provider is Azure but LiveGrid:Blobs:Azure:ConnectionString (environment variable " +
                $"LiveGrid__Blobs__Azure__ConnectionString) is not usable: {error}.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.BlockSizeBytes is < 64 * 1024 or > 100 * 1024 * 1024)
        {
            throw new LiveGridConfigurationException(
                "LiveGrid:Blobs:Azure:OperationTimeout must be positive (e.g. 00:05:00) and LiveGrid:Blobs:Azure:BlockSizeBytes within 65536-104857600.");
        }

        options.ConnectionString = options.ConnectionString.Trim();
        return options;
    }

    private static T Bind<T>(IConfiguration configuration, string subsection)
        where T : new()
    {
        var key = $"{SectionName}:{subsection}";
        try
        {
            return configuration.GetSection(key).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the bad key and value; keep it to the one line.
            throw new LiveGridConfigurationException($"a setting under {key} has the wrong form: {ex.Message}");
        }
    }
}
