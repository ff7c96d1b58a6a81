using System.Diagnostics;
using LiveGrid.Bench.Grains;
using LiveGrid.Bench.Harness;
using LiveGrid.Bench.Reporting;

namespace LiveGrid.Bench.Sections;

/// <summary>
/// What an idle activation of a small grain with persistent state costs: activate N grains (one call each),
/// collect fully, and divide the heap growth by N.
/// </summary>
public sealed class MemoryBenchmarks(BenchReport report)
{
    public const string Section = "memory";

    private const int Activations = 100_000;
    private const int WarmUpActivations = 1_000;

    public async Task RunAsync()
    {
        var cpu = CpuSample.Take();
        report.Output.WriteLine($"[{Section}] {Activations:#,0} idle activations of StatefulGrain (IPersistentState<SmallState>, in-memory storage, no record stored), 15-digit keys");
        await using var silo = await BenchSilo.StartAsync();
        var factory = silo.GrainFactory;

        // Warm-up: JIT, the runtime's first-use allocations, thread-pool growth; these grains stay in the baseline.
        await Callers.ForEachAsync(WarmUpActivations, 64, i => factory.GetGrain<IStatefulGrain>($"warm-{i}").GetCount());
        var before = HeapSnapshot.Take();

        var started = Stopwatch.GetTimestamp();
        await Callers.ForEachAsync(Activations, 64, i => factory.GetGrain<IStatefulGrain>(GrainKeys.GridCode(i)).GetCount());
        var elapsed = Stopwatch.GetElapsedTime(started);

        var after = HeapSnapshot.Take();
        var delta = after - before;
        var alive = silo.Runtime.ActivationCount;
        if (alive != Activations + WarmUpActivations)
        {
            throw new InvalidOperationException($"Expected {Activations + WarmUpActivations} activations alive, found {alive}.");
        }

        report.Add(new Figure(
            Section,
            "managed heap per idle activation (GC.GetTotalMemory delta / N)",
            (double)delta.TotalMemory / Activations,
            "bytes",
            Goal.Max(2048, "bytes"),
            $"N = {Activations:#,0}; heap +{delta.TotalMemory / 1048576.0:0.0} MiB"));
        report.Add(new Figure(
            Section,
            "GC heap size per idle activation (GCMemoryInfo.HeapSizeBytes delta / N)",
            (double)delta.HeapSize / Activations,
            "bytes",
            Note: "includes fragmentation the compacting GC left",
            InSummary: true));
        report.Add(new Figure(
            Section,
            "activation rate (first call to a new grain, 64 concurrent callers)",
            Activations / elapsed.TotalSeconds,
            "activations/s",
            InSummary: true));
        report.Note("Idle activation footprint counts everything the runtime keeps per grain: the activation, the grain object, its IPersistentState and state object, the directory entry and the 15-digit key string.");
        report.PrintSection(Section, CpuSample.Take().DescribeSince(cpu));
    }
}
