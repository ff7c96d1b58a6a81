namespace LiveGrid.Silo.Testing;

/// <summary>POST /api/testing/clock: move by <see cref="AdvanceBy"/> or to <see cref="To"/> (exactly one).</summary>
public sealed record TestClockRequest(TimeSpan? AdvanceBy, DateTimeOffset? To);
