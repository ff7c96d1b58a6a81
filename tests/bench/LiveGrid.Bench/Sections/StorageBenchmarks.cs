using System.Diagnostics;
using LiveGrid.Bench.Ceilings;
using LiveGrid.Bench.Grains;
using LiveGrid.Bench.Harness;
using LiveGrid.Bench.Redis;
using LiveGrid.Bench.Reporting;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.Storage;
using LiveGrid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LiveGrid.Bench.Sections;

/// <summary>
/// Durable state writes per second: grains writing their state in a loop, the storage provider alone, and the
/// raw ceiling of the same store (same payload), for SQLite (FullSync) and for Redis (AOF always, and AOF off).
/// </summary>
public sealed class StorageBenchmarks(BenchReport report, IReadOnlyList<RedisTarget> redisTargets)
{
    public const string Section = "storage";

    private const int Writers = 128;
    private const int MeasuredRounds = 3;
    private const int RedisRawWrites = 100_000;
    private const string StateName = "writer";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // ~160 characters: a grid's status with a few readings, as JSON it is about 200 bytes.
    private static readonly string Payload = new('x', 160);

    // The provider-alone writers' ETags, carried from round to round (a stale one would be refused).
    private string?[] _providerEtags = new string?[Writers];

    public async Task RunAsync()
    {
        // redis-server's CPU is part of what is measured here, not competition.
        var helperProcesses = redisTargets.Select(t => t.OwnedProcess?.Process).OfType<System.Diagnostics.Process>().ToList();
        var cpu = CpuSample.Take(helperProcesses);
        report.Output.WriteLine($"[{Section}] {Writers} writers; grain = WriterGrain writing IPersistentState in a loop; {MeasuredRounds} rounds of {Window.TotalSeconds:0} s after a warm-up round, contenders interleaved, median shown");
        report.Output.WriteLine($"  SQLite: provider with FullSync (synchronous=FULL, WAL) on a file in {Path.GetTempPath()}");
        foreach (var target in redisTargets)
        {
            report.Output.WriteLine($"  {target.Label}: {target.Description}");
        }

        await SqliteAsync();
        foreach (var target in redisTargets)
        {
            await RedisAsync(target);
        }

        report.Note("Storage ceilings: SQLite = one connection, WAL, same synchronous level, prepared INSERT OR REPLACE in transactions of the provider's observed group-commit size; Redis = 100,000 pipelined fire-and-forget SETs on one connection, last one awaited. Same payload bytes as the grains' serialized state.");
        report.PrintSection(Section, CpuSample.Take(helperProcesses).DescribeSince(cpu));
    }

    private async Task SqliteAsync()
    {
        _providerEtags = new string?[Writers];
        // Disposed last (declared first): the database files are closed before the folder goes.
        using var directory = new TempDirectory("bench-sqlite");
        await using var silo = await BenchSilo.StartAsync(b => b.AddSqliteStorage(o =>
        {
            o.DataDirectory = directory.Path;
            o.FullSync = true;
        }));
        var payload = SerializedPayload(silo);
        var database = silo.Services.GetRequiredService<SqliteDatabase>();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        using var ceiling = new SqliteCeiling(directory.Combine("ceiling.db"), fullSync: true, Writers, payload);
        report.Progress($"sqlite: grains, provider alone, raw ceiling ({payload.Length} bytes per write)");

        var grainBatch = 0.0;
        var providerBatch = 0.0;
        int? ceilingBatch = null;
        var rates = await Rounds.InterleavedAsync(
            MeasuredRounds,
            () => CountingCommits(database, () => GrainWritesAsync(silo, "sqlite"), batch => grainBatch = batch),
            () => CountingCommits(database, () => ProviderWritesAsync(storage, payload), batch => providerBatch = batch),
            // Same batch size as the provider's group commit showed in its warm-up round.
            () => Task.Run(() => ceiling.Measure(ceilingBatch ??= Math.Max(1, (int)Math.Round(providerBatch)), Window)));

        var settings = $"journal_mode={database.JournalMode}, synchronous={database.Synchronous}, SQLite {SqliteVersion()}; "
            + $"provider group commit: {grainBatch:0} writes/commit under grains, {providerBatch:0} alone; "
            + $"ceiling synchronous={ceiling.Synchronous}, {ceilingBatch} rows/transaction";
        AddStoreFigures("SQLite FullSync", rates[0], rates[1], rates[2], settings);
    }

    private async Task RedisAsync(RedisTarget target)
    {
        _providerEtags = new string?[Writers];
        var prefix = $"livegrid-bench:{Guid.NewGuid():N}:";
        report.Progress($"{target.Label}: grains, provider alone, raw ceiling");
        await using var silo = await BenchSilo.StartAsync(b => b.AddRedisStorage(o =>
        {
            o.ConnectionString = target.ConnectionString;
            o.KeyPrefix = prefix;
        }));
        var payload = SerializedPayload(silo);
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(target.ConnectionString + ",allowAdmin=true");
        var database = multiplexer.GetDatabase();
        var ceiling = new RedisCeiling(database, prefix, Writers, payload);
        var rates = await Rounds.InterleavedAsync(
            MeasuredRounds,
            async () => (await GrainWritesAsync(silo, "redis")).PerSecond,
            async () => (await ProviderWritesAsync(storage, payload)).PerSecond,
            () => ceiling.PipelinedAsync(RedisRawWrites),
            async () => (await ceiling.AwaitedAsync(Writers, Window)).PerSecond);

        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var scripts = $"{CommandStats(server, "evalsha")}, {CommandStats(server, "eval")}, {CommandStats(server, "set")}";
        AddStoreFigures(target.Label, rates[0], rates[1], rates[2], $"Redis {server.Version}; provider writes = Lua compare-and-set (HGET, INCR, HSET); {scripts}");
        report.Add(new Figure(
            Section,
            $"{target.Label}: raw SET, {Writers} writers each awaiting (diagnostic)",
            rates[3].Median,
            "writes/s",
            Note: $"{rates[3].Describe()}; the provider's concurrency pattern without Lua or provider code"));

        if (target.OwnedProcess is null)
        {
            await DeleteKeysAsync(database, prefix);
        }
    }

    private void AddStoreFigures(string store, RoundSet grains, RoundSet provider, RoundSet raw, string settings)
    {
        report.Add(new Figure(Section, $"{store}: grains WriteStateAsync", grains.Median, "writes/s", Note: grains.Describe(), InSummary: true));
        report.Add(new Figure(Section, $"{store}: provider alone (IGrainStorage.WriteAsync)", provider.Median, "writes/s", Note: provider.Describe(), InSummary: true));
        report.Add(new Figure(Section, $"{store}: raw store ceiling", raw.Median, "writes/s", Note: $"{raw.Describe()}; {settings}", InSummary: true));
        report.Add(new Figure(Section, $"{store}: grains / ceiling", grains.Median / raw.Median, "x", InSummary: true));
        report.Add(new Figure(Section, $"{store}: provider / ceiling", provider.Median / raw.Median, "x", InSummary: true));
    }

    /// <summary>Runs a round and reports the provider's average group-commit size during it.</summary>
    private static async Task<double> CountingCommits(SqliteDatabase database, Func<Task<CallerRun>> round, Action<double> batchSize)
    {
        var (batches, operations) = (database.CommittedBatches, database.CommittedOperations);
        var run = await round();
        batchSize((double)(database.CommittedOperations - operations) / Math.Max(1, database.CommittedBatches - batches));
        return run.PerSecond;
    }

    private static Task<CallerRun> GrainWritesAsync(BenchSilo silo, string store)
    {
        var grains = Enumerable.Range(0, Writers).Select(i => silo.GrainFactory.GetGrain<IWriterGrain>($"{store}-{GrainKeys.GridCode(i)}")).ToArray();
        return Callers.RunAsync(Writers, Window, async (i, stop) => await grains[i].WriteUntil(stop, Payload));
    }

    private Task<CallerRun> ProviderWritesAsync(IGrainStorage storage, byte[] payload) =>
        Callers.RunAsync(Writers, Window, async (i, stop) =>
        {
            var grainId = new GrainId("providerwriter", GrainKeys.GridCode(i));
            var etag = _providerEtags[i];
            long writes = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                etag = await storage.WriteAsync(StateName, grainId, payload, etag);
                writes++;
            }

            _providerEtags[i] = etag;
            return writes;
        });

    /// <summary>The bytes a WriterGrain's state serializes to, so ceilings write exactly as much.</summary>
    private static byte[] SerializedPayload(BenchSilo silo) =>
        silo.Services.GetRequiredService<GrainStateSerializer>().Serialize(new WriterState { Sequence = 123_456, Payload = Payload });

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Leaves someone else's server as we found it. SCAN runs through EVAL because StackExchange.Redis 1.2.6 only has
    /// a blocking SCAN enumerator. The prefix is ours (letters, digits, ':' and '-'), so it needs no glob escaping.
    /// </summary>
    private static async Task DeleteKeysAsync(IDatabase database, string prefix)
    {
        var cursor = "0";
        do
        {
            var page = (RedisResult[])(await database.ScriptEvaluateAsync(
                "return redis.call('SCAN', ARGV[1], 'MATCH', ARGV[2], 'COUNT', 1000)",
                [],
                [cursor, prefix + "*"]))!;
            cursor = (string)page[0]!;
            var keys = ((RedisResult[])page[1]!).Select(key => (RedisKey)(string)key!).ToArray();
            if (keys.Length > 0)
            {
                await database.KeyDeleteAsync(keys);
            }
        }
        while (cursor != "0");
    }

    /// <summary>Redis's own account of a command (INFO commandstats): how often it ran and its server-side cost.</summary>
    private static string CommandStats(IServer server, string command)
    {
        try
        {
            var stats = server.Info("commandstats").SelectMany(g => g).FirstOrDefault(p => p.Key == $"cmdstat_{command}");
            if (stats.Value is null)
            {
                return $"{command.ToUpperInvariant()} 0 calls";
            }

            // "calls=123,usec=456,usec_per_call=3.71,..."
            var fields = stats.Value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            var calls = long.Parse(fields.GetValueOrDefault("calls", "0"), System.Globalization.CultureInfo.InvariantCulture);
            return $"{command.ToUpperInvariant()} {calls:#,0} calls at {fields.GetValueOrDefault("usec_per_call", "?")} µs each in Redis";
        }
        catch (RedisException)
        {
            return $"{command.ToUpperInvariant()} (INFO commandstats unavailable)";
        }
    }
}
