namespace LiveGrid.Silo.Configuration;

/// <summary>What LiveGrid does once the grain runtime is up (section "LiveGrid:Startup").</summary>
public sealed class StartupOptions
{
    public const string SectionName = "LiveGrid:Startup";

    /// <summary>With no territory stored yet, load the demo city so a fresh install has something to show.</summary>
    public bool LoadDemoCityWhenEmpty { get; set; }

    /// <summary>How many days of tickets the catalog reloads from the ticket grains at start.</summary>
    public int CatalogDays { get; set; } = 90;

    /// <summary>
    /// From this many days before those, the catalog also takes the tickets still open. Each such day means reading every
    /// ticket of it, so the default is none: an older open ticket comes back into the lists when it next activates or
    /// changes (its SLA reminder activates it).
    /// </summary>
    public int OlderOpenDays { get; set; }
}
