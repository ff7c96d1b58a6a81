namespace LiveGrid.Grains.Catalog;

/// <summary>What the catalog loader found at start.</summary>
/// <param name="Days">How many local days were enumerated by number.</param>
/// <param name="Numbers">Ticket numbers issued on those days.</param>
/// <param name="Loaded">Summaries put into the catalog from those days.</param>
/// <param name="Missing">Numbers issued but never received (a refused intake, or a crash between number and intake).</param>
/// <param name="OlderOpen">Open tickets found on the days before those (read for open tickets only).</param>
/// <param name="Open">Open tickets in the catalog after loading.</param>
/// <param name="Elapsed">How long the load took.</param>
public sealed record CatalogLoadResult(int Days, int Numbers, int Loaded, int Missing, int OlderOpen, int Open, TimeSpan Elapsed);
