using System.Diagnostics;
using LiveGrid.Bench.Grains;
using LiveGrid.Bench.Harness;
using LiveGrid.Bench.Reporting;

namespace LiveGrid.Bench.Sections;

/// <summary>
/// A million grain timers in two shapes (1,000,000 grains x 1 and 10,000 grains x 100): how long arming takes,
/// what the armed timers weigh, and how late they fire when a million one-shots fall due within 10 s.
/// The real <see cref="TimeProvider.System"/> drives the runtime here.
/// </summary>
public sealed class TimerBenchmarks(BenchReport report)
{
    public const string Section = "timers";

    private const int TotalTimers = 1_000_000;
    private const int Concurrency = 256;
    private static readonly TimeSpan FarAway = TimeSpan.FromHours(1);
    private static readonly TimeSpan FiringWindowLength = TimeSpan.FromSeconds(10);

    public async Task RunAsync()
    {
        var cpu = CpuSample.Take();
        report.Output.WriteLine($"[{Section}] {TotalTimers:#,0} grain timers, armed by grain calls ({Concurrency} in flight); real TimeProvider.System");
        await RunShapeAsync(grains: 1_000_000, timersPerGrain: 1);
        await RunShapeAsync(grains: 10_000, timersPerGrain: 100);
        report.Note("Timer memory = managed heap delta (after full GC) between 'grains active, no timers' and 'timers armed': the GrainTimer objects (each is its own heap entry, no separate OS timer), the runtime's per-activation timer list, the grain's IGrainTimer[] of handles, and the shared heap array's growth.");
        report.Note("Timer arm time includes the grain calls that ask for the timers (1,000,000 calls in shape a, 10,000 in shape b).");
        report.PrintSection(Section, CpuSample.Take().DescribeSince(cpu));
    }

    private async Task RunShapeAsync(int grains, int timersPerGrain)
    {
        var shape = $"{grains:#,0} grains x {timersPerGrain}";
        report.Progress($"{shape}: activating grains");
        await using var silo = await BenchSilo.StartAsync();
        var references = new ITimerGrain[grains];
        for (var i = 0; i < grains; i++)
        {
            references[i] = silo.GrainFactory.GetGrain<ITimerGrain>($"{GrainKeys.GridCode(i)}-t{timersPerGrain}");
        }

        var activationStarted = Stopwatch.GetTimestamp();
        await Callers.ForEachAsync(grains, Concurrency, i => references[i].Touch());
        var activationTime = Stopwatch.GetElapsedTime(activationStarted);
        var heapEntriesBefore = silo.Runtime.Core.Timers.Count;
        var before = HeapSnapshot.Take();

        report.Progress($"{shape}: arming {TotalTimers:#,0} periodic timers (due in 1 h)");
        var armStarted = Stopwatch.GetTimestamp();
        await Callers.ForEachAsync(grains, Concurrency, i => references[i].ArmPeriodic(timersPerGrain, FarAway, FarAway));
        var armTime = Stopwatch.GetElapsedTime(armStarted);
        var after = HeapSnapshot.Take();
        var armed = silo.Runtime.Core.Timers.Count - heapEntriesBefore;
        if (armed != TotalTimers)
        {
            throw new InvalidOperationException($"Expected {TotalTimers} timers in the runtime's timer heap, found {armed}.");
        }

        var delta = after - before;
        report.Add(new Figure(Section, $"{shape}: activate the grains (context)", activationTime.TotalSeconds, "s", Note: $"{grains / activationTime.TotalSeconds:#,0} activations/s"));
        report.Add(new Figure(Section, $"{shape}: time to arm {TotalTimers:#,0} timers", armTime.TotalSeconds, "s", Goal.Max(5, "s"), $"{TotalTimers / armTime.TotalSeconds:#,0} timers/s"));
        report.Add(new Figure(
            Section,
            $"{shape}: memory of the armed timers",
            delta.TotalMemory / 1e6,
            "MB",
            Goal.Max(300, "MB"),
            $"{(double)delta.TotalMemory / TotalTimers:0} bytes/timer; GC heap size +{delta.HeapSize / 1e6:0.0} MB; MB = 10^6 bytes"));

        await MeasureFiringAsync(silo, references, timersPerGrain, shape, armTime);

        report.Progress($"{shape}: stopping the runtime");
        var stopStarted = Stopwatch.GetTimestamp();
        await silo.Runtime.StopAsync(CancellationToken.None);
        report.Add(new Figure(Section, $"{shape}: graceful stop, deactivating every grain (context)", Stopwatch.GetElapsedTime(stopStarted).TotalSeconds, "s"));
    }

    /// <summary>Replaces every timer with a one-shot due somewhere in the next window and records how late each fires.</summary>
    private async Task MeasureFiringAsync(BenchSilo silo, ITimerGrain[] references, int timersPerGrain, string shape, TimeSpan previousArmTime)
    {
        var log = silo.FiringLog;
        log.Reset(TotalTimers);

        // The window opens once re-arming and a full collection of its garbage (the replaced timers) are surely
        // over, so the figure is firing lateness at a steady load, not arming backlog.
        var lead = previousArmTime * 2 + TimeSpan.FromSeconds(2);
        var window = new FiringWindow(
            Stopwatch.GetTimestamp() + FiringWindow.FromTimeSpan(lead),
            FiringWindow.FromTimeSpan(FiringWindowLength),
            TotalTimers);
        report.Progress($"{shape}: arming {TotalTimers:#,0} one-shot timers due over {FiringWindowLength.TotalSeconds:0} s starting in {lead.TotalSeconds:0.0} s");
        var armedLate = 0;
        await Callers.ForEachAsync(references.Length, Concurrency, async i =>
        {
            var late = await references[i].ArmOneShots(i * timersPerGrain, timersPerGrain, window);
            Interlocked.Add(ref armedLate, late);
        });

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var untilWindow = window.StartTimestamp - Stopwatch.GetTimestamp();
        if (untilWindow < 0)
        {
            report.Progress($"{shape}: arming and collecting overran the lead by {FiringWindow.ToTimeSpan(-untilWindow).TotalMilliseconds:0} ms; the first timers fire late");
        }

        var gcBeforeWindow = GcActivity.Now();
        var waitLimit = lead + FiringWindowLength + TimeSpan.FromSeconds(30);
        try
        {
            await log.AllFired.WaitAsync(waitLimit);
        }
        catch (TimeoutException)
        {
            report.Progress($"{shape}: only {log.Fired:#,0} of {TotalTimers:#,0} timers fired within {waitLimit.TotalSeconds:0} s");
        }

        var gc = GcActivity.Now().Since(gcBeforeWindow);
        var lateness = log.SortedLateness();
        report.Add(new Figure(Section, $"{shape}: one-shot timers fired", log.Fired, "timers", Goal.Min(TotalTimers), armedLate > 0 ? $"{armedLate:#,0} were already due when armed" : null));
        if (lateness.Length > 0)
        {
            report.Add(new Figure(Section, $"{shape}: firing lateness p50", Milliseconds(Percentile(lateness, 0.50)), "ms", InSummary: true));
            report.Add(new Figure(Section, $"{shape}: firing lateness p99", Milliseconds(Percentile(lateness, 0.99)), "ms", InSummary: true));
            report.Add(new Figure(Section, $"{shape}: firing lateness max", Milliseconds(lateness[^1]), "ms", Note: $"window: {TotalTimers:#,0} due over {FiringWindowLength.TotalSeconds:0} s; {gc} until the last firing", InSummary: true));
        }
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long timestampTicks) => timestampTicks * 1000.0 / Stopwatch.Frequency;
}
