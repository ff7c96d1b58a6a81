using LiveGrid.Runtime.Hosting;

namespace LiveGrid.Testing;

/// <summary>
/// Moves a <see cref="ManualTimeProvider"/> forward the way real time passes for a grain runtime: from one armed timer to
/// the next, letting the runtime become quiescent after each, so every reminder and grain timer runs at its own
/// instant and the calls it makes finish before the clock moves on (a single jump over hours would also pass those
/// calls' timeouts while they run).
/// </summary>
public static class SettledClock
{
    private const int MaxSteps = 100_000;
    private const int QuickLooks = 64;

    public static async Task AdvanceSettledAsync(this ManualTimeProvider time, GrainRuntime runtime, DateTimeOffset target)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(runtime);
        await SettleAsync(runtime, time.GetUtcNow());
        for (var step = 0; step < MaxSteps; step++)
        {
            var now = time.GetUtcNow();
            var next = time.ArmedTimers.Select(t => t.Due).Where(due => due <= target).DefaultIfEmpty(target).Min();
            time.AdvanceTo(next < now ? now : next);
            await SettleAsync(runtime, next);
            if (next >= target && !time.ArmedTimers.Any(t => t.Due <= target))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The clock did not reach {target:O} within {MaxSteps} timer steps: a timer keeps re-arming at or before it.");
    }

    private static async Task SettleAsync(GrainRuntime runtime, DateTimeOffset at)
    {
        // Most steps settle within a few thread-pool hops: look again after each before falling back to polling
        // (a poll tick costs milliseconds, and a long advance takes thousands of steps).
        for (var hop = 0; hop < QuickLooks && !runtime.IsQuiescent; hop++)
        {
            await Task.Yield();
        }

        await Eventually.UntilAsync(() => runtime.IsQuiescent, $"the grain runtime is quiescent at {at:O}");
    }
}
