namespace LiveGrid.Silo.Configuration;

/// <summary>The city LiveGrid serves (section "LiveGrid:City").</summary>
public sealed class CityOptions
{
    public const string SectionName = "LiveGrid:City";

    /// <summary>IANA time zone of the city: deadlines and "today" are the city's, not the server's.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
