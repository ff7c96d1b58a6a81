namespace LiveGrid.Runtime.Reminders;

/// <summary>The reminder tick being delivered. <paramref name="CurrentTickTime"/> is when the tick was due,
/// which may be earlier than now if the host was down when it fell due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
