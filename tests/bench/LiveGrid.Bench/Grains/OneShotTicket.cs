namespace LiveGrid.Bench.Grains;

/// <summary>The state a one-shot timer carries: where to record, and when it was meant to fire.</summary>
public readonly record struct OneShotTicket(TimerFiringLog Log, long DueTimestamp);
