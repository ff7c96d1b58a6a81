using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace LiveGrid.Bench.Harness;

/// <summary>The facts a reader needs to compare these figures with another run.</summary>
public static class MachineInfo
{
    public static void Print(TextWriter output, string command)
    {
        output.WriteLine("LiveGrid benchmarks");
        output.WriteLine($"  command      : {command}");
        output.WriteLine($"  date (UTC)   : {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}");
        output.WriteLine($"  machine      : {Environment.ProcessorCount} logical cores, {CpuModel()}, {TotalMemoryGiB():0.#} GiB RAM");
        output.WriteLine($"  OS           : {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        output.WriteLine($"  .NET         : {RuntimeInformation.FrameworkDescription}");
        output.WriteLine($"  GC           : {(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent (blocking gen2)" : "concurrent (background gen2)")}, latency mode {GCSettings.LatencyMode}");
        output.WriteLine($"  temp folder  : {Path.GetTempPath()} on {FileSystemOf(Path.GetTempPath())}");
        output.WriteLine($"  load average : {LoadAverage()} (before the run)");
#if DEBUG
        output.WriteLine("  WARNING      : Debug build; run with -c Release for meaningful figures");
#endif
    }

    /// <summary>1/5/15-minute load averages before the run. Context only: it also counts this benchmark's own
    /// threads once running, so each section reports the CPU other processes took instead (<see cref="CpuSample"/>).</summary>
    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    /// <summary>The file system under <paramref name="path"/> (fsync cost depends on it: tmpfs would make durable writes look free).</summary>
    private static string FileSystemOf(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = (Mount: string.Empty, Type: "unknown", Device: string.Empty);
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }

                var mount = parts[1];
                var prefix = mount.EndsWith('/') ? mount : mount + "/";
                if ((full.StartsWith(prefix, StringComparison.Ordinal) || full == mount) && mount.Length > best.Mount.Length)
                {
                    best = (mount, parts[2], parts[0]);
                }
            }

            return $"{best.Type} ({best.Device} at {best.Mount})";
        }
        catch (IOException)
        {
            return "unknown file system";
        }
    }
}
