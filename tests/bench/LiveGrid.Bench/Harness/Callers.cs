using System.Diagnostics;

namespace LiveGrid.Bench.Harness;

/// <summary>
/// Runs concurrent caller loops for a fixed measuring window. Each loop checks the deadline itself
/// (a Stopwatch read costs ~20 ns), so no timer thread has to preempt busy loops to stop them.
/// </summary>
public static class Callers
{
    /// <summary>
    /// Starts <paramref name="count"/> loops; loop i gets (i, stop timestamp) and returns how many operations it completed.
    /// The window closes when the last loop has finished.
    /// </summary>
    public static async Task<CallerRun> RunAsync(int count, TimeSpan window, Func<int, long, Task<long>> loop)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var stop = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var loops = new Task<long>[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            loops[i] = Task.Run(() => loop(index, stop));
        }

        var totals = await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new CallerRun(totals.Sum(), elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>Runs <paramref name="work"/> for items 0..<paramref name="items"/>-1 with at most <paramref name="concurrency"/> in flight.</summary>
    public static async Task ForEachAsync(int items, int concurrency, Func<int, Task> work)
    {
        var next = -1;
        var workers = new Task[Math.Min(concurrency, items)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int item;
                while ((item = Interlocked.Increment(ref next)) < items)
                {
                    await work(item);
                }
            });
        }

        await Task.WhenAll(workers);
    }
}
