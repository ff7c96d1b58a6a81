namespace LiveGrid.Silo.Configuration;

/// <summary>Reads and checks the "LiveGrid:Storage" section, so a wrong setting stops LiveGrid before it serves anything.</summary>
public static class StorageConfiguration
{
    public const string SectionName = "LiveGrid:Storage";

    /// <summary>Relative data directories are under the content root.</summary>
    public const string DefaultSqliteDataDirectory = "data";

    /// <summary>The configured provider; SQLite when none is set.</summary>
    public static StorageProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[$"{SectionName}:Provider"]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return StorageProvider.Sqlite;
        }

        // Names only: Enum.TryParse would also accept "7".
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            if (string.Equals(provider.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new LiveGridConfigurationException(
            $"unknown storage provider '{value}' in LiveGrid:Storage:Provider (environment variable LiveGrid__Storage__Provider). " +
            $"Allowed values: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
    }

    /// <summary>The absolute directory of the SQLite file.</summary>
    public static string ReadSqliteDataDirectory(IConfiguration configuration, string contentRoot)
    {
        var value = configuration[$"{SectionName}:Sqlite:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? DefaultSqliteDataDirectory : value, contentRoot);
    }

    public static string ReadRedisConnectionString(IConfiguration configuration)
    {
        var value = configuration[$"{SectionName}:Redis:ConnectionString"];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new LiveGridConfigurationException(
                "LiveGrid:Storage:Provider is Redis but LiveGrid:Storage:Redis:ConnectionString " +
                "(environment variable LiveGrid__Storage__Redis__ConnectionString) is empty. Example: 127.0.0.1:6379.");
        }

        return value.Trim();
    }

    /// <summary>The server part of a Redis connection string, without options such as a password.</summary>
    public static string RedisServers(string connectionString) =>
        string.Join(' ', connectionString
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => !part.Contains('=')));

    /// <summary>The city's time zone, checked against the machine's time zone database.</summary>
    public static CityOptions ReadCity(IConfiguration configuration)
    {
        var city = configuration.GetSection(CityOptions.SectionName).Get<CityOptions>() ?? new CityOptions();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(city.TimeZone, out _))
        {
            throw new LiveGridConfigurationException(
                $"unknown time zone '{city.TimeZone}' in LiveGrid:City:TimeZone (environment variable LiveGrid__City__TimeZone). " +
                "Use an IANA name such as Asia/Shanghai.");
        }

        return city;
    }
}
