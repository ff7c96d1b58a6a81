using System.Diagnostics;
using System.Globalization;

namespace LiveGrid.Bench.Harness;

/// <summary>
/// Machine-wide CPU time (from /proc/stat) beside the CPU time of this benchmark and the processes it runs
/// (redis-server). The difference over a section is what other processes took from it: the honest measure of
/// how noisy its figures are on a shared machine (load average would count the benchmark's own threads).
/// </summary>
public readonly record struct CpuSample(long Timestamp, double BusySeconds, double StealSeconds, TimeSpan Ours, bool Known)
{
    // USER_HZ: /proc/stat counts in 1/100 s on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static CpuSample Take(IEnumerable<Process>? helpers = null)
    {
        var ours = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var helper in helpers ?? [])
        {
            helper.Refresh();
            if (!helper.HasExited)
            {
                ours += helper.TotalProcessorTime;
            }
        }

        try
        {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double Field(int i) => fields.Length > i ? long.Parse(fields[i], CultureInfo.InvariantCulture) / TicksPerSecond : 0;
            var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
            return new CpuSample(Stopwatch.GetTimestamp(), busy, Field(8), ours, Known: true);
        }
        catch (IOException)
        {
            return new CpuSample(Stopwatch.GetTimestamp(), 0, 0, ours, Known: false);
        }
    }

    /// <summary>Cores' worth of CPU other processes used since <paramref name="start"/>, on average.</summary>
    public double OtherCoresSince(CpuSample start)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var others = (BusySeconds - start.BusySeconds) - (Ours - start.Ours).TotalSeconds;
        return wall > 0 ? Math.Max(0, others / wall) : 0;
    }

    public string DescribeSince(CpuSample start)
    {
        if (!Known || !start.Known)
        {
            return "CPU used by other processes: unknown (no /proc/stat)";
        }

        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var others = OtherCoresSince(start);
        var steal = wall > 0 ? (StealSeconds - start.StealSeconds) / wall : 0;
        var warning = others > 0.25 || steal > 0.1 ? " -- WARNING: figures are lower and noisier than on an idle machine" : string.Empty;
        return $"other processes used {others:0.00} of {Environment.ProcessorCount} cores on average, hypervisor steal {steal:0.00} cores{warning}";
    }
}
