using System.Diagnostics;

namespace LiveGrid.Bench.Grains;

/// <summary>
/// Where one-shot timers are due: timer number i of <see cref="Total"/> is due at
/// <see cref="StartTimestamp"/> + a slot of the window. Slots are handed out in a scrambled order so
/// the timer heap sees due times arrive out of order, as it would in real use.
/// Timestamps are <see cref="Stopwatch"/> ticks.
/// </summary>
public readonly record struct FiringWindow(long StartTimestamp, long LengthTimestampTicks, int Total)
{
    // A prime far larger than any Total used here, so (i * Stride) mod Total is a permutation.
    private const long Stride = 1_000_003;

    public long DueTimestamp(int index) =>
        StartTimestamp + ((index * Stride) % Total) * LengthTimestampTicks / Total;

    public static TimeSpan ToTimeSpan(long timestampTicks) =>
        TimeSpan.FromTicks(timestampTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public static long FromTimeSpan(TimeSpan span) => span.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
}
