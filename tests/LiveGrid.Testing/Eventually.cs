using System.Diagnostics;

namespace LiveGrid.Testing;

/// <summary>
/// Real-time safety limits for tests, and a condition poll for the few facts that raise no event
/// (e.g. "the runtime no longer lists this activation"). Prefer waiting on an event (<see cref="EventLog"/>,
/// a TaskCompletionSource) wherever code under test can signal one: a poll only bounds how long a bug can hang.
/// </summary>
public static class Eventually
{
    /// <summary>How long any single await in a test may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>Completes once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming
    /// <paramref name="what"/> if it does not within <paramref name="timeout"/> of real time.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <summary>As <see cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>, for a condition that must be read asynchronously (a store).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? Timeout;
        var started = Stopwatch.GetTimestamp();
        using var poll = new PeriodicTimer(PollInterval);
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for: {what}");
            }

            await poll.WaitForNextTickAsync();
        }
    }
}
