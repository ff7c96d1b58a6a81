namespace LiveGrid.Silo.Tests.Live;

internal sealed record ReceivedBatch(IReadOnlyList<ReceivedDelta> Deltas, DateTimeOffset SentAt);
