using System.Diagnostics;
using LiveGrid.Bench.Harness;
using LiveGrid.Bench.Reporting;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Demo;
using LiveGrid.Runtime;
using LiveGrid.Silo;
using LiveGrid.Silo.Reports;
using LiveGrid.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Bench.Sections;

/// <summary>
/// What a monthly report (月度通报) costs on the real host: the demo city (400 grids, 500 workers) with a month of
/// ticket history at the demo's rate (100 a day, about Dongcheng's 3,000 a month) and at four times it, in-memory
/// grain storage, reports to a folder. Times the generation of November's bulletin (load every ticket of the month and
/// its look-back, read every patrol key, compute, write CSV and HTML) and the quarterly assessment's gathering (the
/// same plus unit scores and the 千分制 scorecard of every worker), with the heap they leave and allocate.
/// </summary>
public sealed class ReportBenchmarks(BenchReport report)
{
    public const string Section = "reports";

    /// <summary>09:00 on 1 December in Beijing: November is over, and the history's 31 days cover all of it.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, int TicketsPerDay)[] Cities = [("demo rate", 100), ("4x demo rate", 400)];

    public async Task RunAsync()
    {
        var cpu = CpuSample.Take();
        report.Output.WriteLine($"[{Section}] monthly bulletin 2026-11 and quarterly gathering 2026-Q4 on the demo city, 31 days of history, in-memory grains, folder blobs");
        foreach (var (name, perDay) in Cities)
        {
            await RunCityAsync(name, perDay);
        }

        report.Note("Report time is dominated by reading: every ticket numbered in the month and its 45-day look-back, and one inspection grain per grid, day and shift (400 × 30 × shifts) for patrol coverage, each activated.");
        report.PrintSection(Section, CpuSample.Take().DescribeSince(cpu));
    }

    private async Task RunCityAsync(string name, int perDay)
    {
        using var blobs = new TempDirectory("bench-reports");
        var time = new ManualTimeProvider(Now);
        var app = LiveGridHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Error",
                ["LiveGrid:Storage:Provider"] = "Memory",
                ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "false",
                ["LiveGrid:Reports:Scheduled"] = "false",
                ["LiveGrid:Blobs:Provider"] = "Folder",
                ["LiveGrid:Blobs:Folder:RootDirectory"] = blobs.Path,
            });
        });
        await using (app)
        {
            await app.StartAsync();
            var services = app.Services;
            var loadWatch = Stopwatch.StartNew();
            var loaded = await DemoCityLoader.LoadAsync(
                services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<CityModel>(), time,
                new DemoLoadOptions { Days = 31, TicketsPerDay = perDay });
            report.Progress($"{name}: {loaded.Tickets:#,0} tickets loaded in {loadWatch.Elapsed.TotalSeconds:0.0} s ({loaded.Refused} refused)");

            var reports = services.GetRequiredService<ReportService>();
            var month = ReportPeriod.Of(ReportKind.Monthly, new DateOnly(2026, 11, 15));
            var quarter = ReportPeriod.Of(ReportKind.Quarterly, new DateOnly(2026, 11, 15));

            var (monthly, monthlyHeap, monthlyAllocated) = await MeasureAsync(() => reports.GenerateAsync(month));
            var size = (await reports.StoredAsync(month)).Sum(b => b.Length);
            report.Add(new Figure(Section, $"monthly bulletin, {name} ({loaded.Tickets:#,0} tickets)", monthly.TotalSeconds, "s",
                Goal.Max(60, "s"), $"CSV + HTML {size / 1024.0:0} KiB; heap +{monthlyHeap / 1048576.0:0.0} MiB after; {monthlyAllocated / 1048576.0:#,0} MiB allocated",
                InSummary: true));

            var (quarterly, quarterlyHeap, quarterlyAllocated) = await MeasureAsync(() => reports.GatherAsync(quarter));
            report.Add(new Figure(Section, $"quarterly gathering with scorecard, {name}", quarterly.TotalSeconds, "s",
                Note: $"heap +{quarterlyHeap / 1048576.0:0.0} MiB after; {quarterlyAllocated / 1048576.0:#,0} MiB allocated; {services.GetRequiredService<CityModel>().Territory.Workers.Count:#,0} workers scored",
                InSummary: true));
            report.Add(new Figure(Section, $"peak working set after {name}", Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, "MiB",
                Note: "whole process: host, grains and both reports"));
            await app.StopAsync();
        }
    }

    /// <summary>Elapsed time, the heap growth it leaves (after full collections) and the bytes it allocated.</summary>
    private static async Task<(TimeSpan Elapsed, long Heap, long Allocated)> MeasureAsync<T>(Func<Task<T>> work)
    {
        var before = HeapSnapshot.Take();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await work();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        var heap = HeapSnapshot.Take() - before;
        return (elapsed, heap.TotalMemory, allocatedAfter - allocated);
    }
}
