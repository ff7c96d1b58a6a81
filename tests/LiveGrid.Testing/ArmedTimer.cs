namespace LiveGrid.Testing;

/// <summary>A snapshot of a timer armed on a <see cref="ManualTimeProvider"/>: when it fires next, and its period (zero: once).</summary>
public readonly record struct ArmedTimer(DateTimeOffset Due, TimeSpan Period);
