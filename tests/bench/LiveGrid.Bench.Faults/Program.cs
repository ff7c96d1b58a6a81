using System.Diagnostics;
using System.Globalization;
using LiveGrid.Silo.Tests.Faults;
using LiveGrid.Testing;

// The fault drills, long form. "kill": kill -9 the silo process under a load of ticket actions, on SQLite and on Redis
// (append-only, fsync always), restart it on the same store, count acknowledged / found / lost and check the SLA
// deadlines fire. "outage": kill Redis under load for --seconds, start it again on the same data, and measure the 503s,
// the recovery and what was lost. Exit status 1 when anything acknowledged was lost or an expectation failed.
const string Usage = "usage: dotnet run -c Release --project tests/bench/LiveGrid.Bench.Faults -- kill|outage|all [--lanes N] [--acks N] [--rounds N] [--seconds S] [--storage sqlite|redis|both]";
if (args.Length == 0 || args[0] is not ("kill" or "outage" or "all"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var command = args[0];
var lanes = 16;
var acks = 2000;
var rounds = 3;
var seconds = 30;
var storage = "both";
for (var i = 1; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    var value = args[i + 1];
    var number = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null;
    switch (args[i])
    {
        case "--lanes" when number is not null: lanes = n; break;
        case "--acks" when number is not null: acks = n; break;
        case "--rounds" when number is not null: rounds = n; break;
        case "--seconds" when number is not null: seconds = n; break;
        case "--storage" when value is "sqlite" or "redis" or "both": storage = value; break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}

Console.WriteLine($"LiveGrid fault drills: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
var failed = false;
var requestTimeout = TimeSpan.FromSeconds(30);
var advanceTimeout = TimeSpan.FromMinutes(10);

if (command is "kill" or "all")
{
    foreach (var name in storage == "both" ? new[] { "sqlite", "redis" } : [storage])
    {
        for (var round = 1; round <= rounds; round++)
        {
            // Each round on a fresh store, with the test clock at its start.
            using var work = new TempDirectory($"bench-faults-{name}");
            await using var redis = name == "redis" ? await RestartableRedis.StartAsync() : null;
            var store = redis is null ? FaultStorage.Sqlite(work.Combine("data")) : FaultStorage.Redis(redis.ConnectionString);
            await using var silo = await FaultSilo.StartAsync(work.Path, store, requestTimeout);
            Console.WriteLine($"[{name}, round {round} of {rounds}] {lanes} lanes; kill -9 after {acks} acknowledged actions");
            var started = Stopwatch.GetTimestamp();
            var report = await KillDrill.RunAsync(silo, lanes, acks, TimeSpan.FromMinutes(10), advanceTimeout);
            Console.Write(FaultFigures.Describe(report));
            Console.WriteLine($"  round took {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            failed |= report.Durability.Lost > 0 || report.Durability.Problems.Count > 0 || report.Deadlines.Problems.Count > 0
                || report.Deadlines.Overdue != report.Deadlines.Due || report.Deadlines.Supervised != report.Deadlines.Supervisable;
        }
    }
}

if (command is "outage" or "all")
{
    using var work = new TempDirectory("bench-faults-outage");
    await using var redis = await RestartableRedis.StartAsync();
    await using var silo = await FaultSilo.StartAsync(work.Path, FaultStorage.Redis(redis.ConnectionString), requestTimeout);
    Console.WriteLine($"[outage] {lanes} lanes; Redis killed after {acks / 4} acknowledged actions, back after {seconds} s");
    var report = await OutageDrill.RunAsync(silo, redis, lanes, acks / 4, TimeSpan.FromSeconds(seconds), acks / 4, TimeSpan.FromMinutes(5));
    Console.Write(FaultFigures.Describe(report));
    failed |= report.Durability.Lost > 0 || report.Durability.Problems.Count > 0 || report.Diverged.Count > 0 || report.Unexpected.Count > 0
        || report.WithRetryAfter != report.Refused503 || report.SlowestRefusal >= TimeSpan.FromSeconds(1) || report.RecoveredAfter is null;
}

Console.WriteLine(failed ? "FAILED: see the lines marked !" : "OK: nothing acknowledged was lost");
return failed ? 1 : 0;
