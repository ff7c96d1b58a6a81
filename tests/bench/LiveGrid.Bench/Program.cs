using System.Diagnostics;
using LiveGrid.Bench;
using LiveGrid.Bench.Harness;
using LiveGrid.Bench.Redis;
using LiveGrid.Bench.Reporting;
using LiveGrid.Bench.Sections;
using StackExchange.Redis;

var arguments = BenchArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

var output = Console.Out;
MachineInfo.Print(output, "LiveGrid.Bench " + string.Join(' ', args));
output.WriteLine();
var report = new BenchReport(output);
var started = Stopwatch.GetTimestamp();

// After each section a full collection, so the next one does not pay for the previous one's garbage.

if (arguments.Runs(CallBenchmarks.Section))
{
    await new CallBenchmarks(report).RunAsync();
    HeapSnapshot.Take();
}

if (arguments.Runs(MemoryBenchmarks.Section))
{
    await new MemoryBenchmarks(report).RunAsync();
    HeapSnapshot.Take();
}

if (arguments.Runs(TimerBenchmarks.Section))
{
    await new TimerBenchmarks(report).RunAsync();
    HeapSnapshot.Take();
}

if (arguments.Runs(StorageBenchmarks.Section))
{
    var targets = new List<RedisTarget>();
    try
    {
        if (arguments.Redis is { } external)
        {
            targets.Add(new RedisTarget("Redis (given)", $"{external}, given, {await DescribeAsync(external)}", external, null));
        }
        else
        {
            var durable = await LiveGrid.Testing.RedisServer.StartOwnedAsync(appendOnly: true);
            targets.Add(new RedisTarget("Redis AOF always", $"{durable.ConnectionString}, started by this run, appendonly yes, appendfsync always", durable.ConnectionString, durable));
            // Same server settings minus the append-only file: what durability costs.
            var volatileServer = await LiveGrid.Testing.RedisServer.StartOwnedAsync(appendOnly: false);
            targets.Add(new RedisTarget("Redis AOF off", $"{volatileServer.ConnectionString}, started by this run, appendonly no", volatileServer.ConnectionString, volatileServer));
        }

        await new StorageBenchmarks(report, targets).RunAsync();
    }
    finally
    {
        foreach (var target in targets)
        {
            if (target.OwnedProcess is { } process)
            {
                await process.DisposeAsync();
            }
        }
    }
}

if (arguments.Runs(ReportBenchmarks.Section))
{
    await new ReportBenchmarks(report).RunAsync();
    HeapSnapshot.Take();
}

report.PrintSummary();
output.WriteLine($"Total run time: {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
return 0;

// How durable someone else's server is, as far as it tells (CONFIG may be disabled).
static async Task<string> DescribeAsync(string connectionString)
{
    try
    {
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var settings = server.ConfigGet("append*").ToDictionary(p => p.Key, p => p.Value);
        return $"appendonly {settings.GetValueOrDefault("appendonly", "?")}, appendfsync {settings.GetValueOrDefault("appendfsync", "?")}";
    }
    catch (RedisException exception)
    {
        return $"configuration unknown: {exception.Message}";
    }
}
