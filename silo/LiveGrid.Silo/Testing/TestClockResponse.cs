namespace LiveGrid.Silo.Testing;

/// <summary>The host's clock now.</summary>
public sealed record TestClockResponse(DateTimeOffset Now);
