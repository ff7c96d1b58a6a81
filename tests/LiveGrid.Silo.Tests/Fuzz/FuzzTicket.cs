namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>A fixture ticket as the fuzz found it: refused requests must leave it exactly so.</summary>
internal sealed record FuzzTicket(string Id, int Version, string Status, IReadOnlySet<string> AllowedActions);
