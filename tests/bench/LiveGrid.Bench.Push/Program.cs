using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Bench.Push;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo;
using LiveGrid.Silo.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The push benchmark: the real LiveGrid host in-process (memory store, real clock), N headless dashboards on the
// real SignalR client over WebSockets, each subscribed to "city", and real ticket intakes through the grain factory
// at a target rate of domain events. Measures each city frame's age on arrival from its "at": the EARLIEST grain
// change folded into the frame, so the figure is the worst latency of any change in it. Also frames per client per second.
const string Usage = "usage: dotnet run -c Release --project tests/bench/LiveGrid.Bench.Push -- [--connections N] [--rate EVENTS_PER_S] [--seconds S] [--warmup S]";
var connections = 1000;
var rate = 2000;
var seconds = 20;
var warmup = 5;
for (var i = 0; i < args.Length; i++)
{
    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 0)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    switch (args[i++])
    {
        case "--connections": connections = value; break;
        case "--rate": rate = value; break;
        case "--seconds": seconds = value; break;
        case "--warmup": warmup = value; break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}

Console.WriteLine($"LiveGrid push bench: {connections} connections, target {rate} domain events/s, {warmup} s warm-up + {seconds} s measured, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var app = LiveGridHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["LiveGrid:Storage:Provider"] = "Memory",
        ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "false",
        ["LiveGrid:Startup:CatalogDays"] = "0",
        // The dashboards sign in as this administrator (POST /api/auth/token) and connect with its bearer token.
        ["LiveGrid:Auth:BootstrapAdmin:UserName"] = "bench",
        ["LiveGrid:Auth:BootstrapAdmin:Password"] = "bench-password",
    });
});
app.Services.GetRequiredService<CityModel>().ReplaceTerritory(BenchCity.Territory());
await app.StartAsync();
var hub = new Uri(new Uri(app.Urls.Single()), LiveHub.Path);
string accessToken;
using (var signIn = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
{
    var response = await signIn.PostAsJsonAsync("/api/auth/token", new { userName = "bench", password = "bench-password" });
    response.EnsureSuccessStatusCode();
    accessToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

var grains = app.Services.GetRequiredService<IGrainFactory>();
var stream = app.Services.GetRequiredService<DomainEventStream>();
var city = app.Services.GetRequiredService<CityModel>();

// The hub's own figures: how long each frame tick takes to prepare and start its sends, and how many it sends.
double pumpTotalMs = 0, pumpMaxMs = 0;
long pumpTicks = 0, serverFrames = 0, batches = 0, batchBytes = 0;
using var meters = new System.Diagnostics.Metrics.MeterListener();
meters.InstrumentPublished = (instrument, listener) =>
{
    if (instrument.Meter.Name == LiveMetrics.MeterName && instrument.Name is "livegrid.live.pump.duration" or "livegrid.live.frames" or "livegrid.live.batch.size")
    {
        listener.EnableMeasurementEvents(instrument);
    }
};
meters.SetMeasurementEventCallback<double>((_, value, _, _) =>
{
    if (!Dashboard.Measuring)
    {
        return;
    }

    lock (meters)
    {
        pumpTicks++;
        pumpTotalMs += value;
        pumpMaxMs = Math.Max(pumpMaxMs, value);
    }
});
meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
{
    if (!Dashboard.Measuring)
    {
        return;
    }

    if (instrument.Name == "livegrid.live.batch.size")
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batchBytes, value);
    }
    else
    {
        Interlocked.Add(ref serverFrames, value);
    }
});
meters.Start();

var latencies = new LatencyHistogram();
var dashboards = new List<Dashboard>(connections);
var connecting = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(32))
{
    var tasks = Enumerable.Range(0, connections).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            return await Dashboard.ConnectAsync(hub, accessToken, latencies);
        }
        finally
        {
            gate.Release();
        }
    });
    dashboards.AddRange(await Task.WhenAll(tasks));
}

Console.WriteLine($"{dashboards.Count} dashboards connected and subscribed in {connecting.Elapsed.TotalSeconds:0.0} s");

// Each intake publishes two ticket events (received, classified); grid and area reports come on top (coalesced per
// second): about 2.9 events per intake on this city, measured. "events published/s" is what was really published.
var intakesPerSecond = rate / 2.9;
var day = city.LocalDate(DateTimeOffset.UtcNow).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
var actor = new TicketActor("op1", ActorRole.HotlineOperator, "话务员");
var categories = new[] { "暴露垃圾", "道路不洁", "噪音扰民", "施工扰民" };
long number = 0, inFlight = 0, refused = 0, failed = 0, saturated = 0;
const int MaxInFlight = 5000;
using var stopDriving = new CancellationTokenSource();
var driver = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
    var started = Stopwatch.GetTimestamp();
    long issued = 0;
    var random = new Random(42);
    while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stopDriving.IsCancellationRequested)
    {
        var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * intakesPerSecond);
        for (; issued < due; issued++)
        {
            if (Interlocked.Read(ref inFlight) >= MaxInFlight)
            {
                Interlocked.Increment(ref saturated);
                continue;
            }

            var n = Interlocked.Increment(ref number);
            var intake = new TicketIntake
            {
                ReceivedBy = actor,
                Description = $"第{n}号楼前问题待处理",
                Longitude = BenchCity.West + (random.NextDouble() * BenchCity.Size * BenchCity.GridCodes.Count),
                Latitude = BenchCity.South + (random.NextDouble() * BenchCity.Size),
                Category = categories[n % categories.Length],
                Priority = Priority.Normal,
                Kind = RequestKind.Complaint,
            };
            Interlocked.Increment(ref inFlight);
            _ = ReceiveAsync($"{day}-{n:D6}", intake);
        }
    }
});

async Task ReceiveAsync(string id, TicketIntake intake)
{
    try
    {
        var result = await grains.GetGrain<ITicketGrain>(id).Receive(intake);
        if (!result.Applied && Interlocked.Increment(ref refused) == 1)
        {
            Console.WriteLine($"first refusal: {result.Rejection}");
        }
    }
    catch (Exception)
    {
        Interlocked.Increment(ref failed);
    }
    finally
    {
        Interlocked.Decrement(ref inFlight);
    }
}

// Once a second, so a saturated run shows where it stands: thread pool, pending work, what the clients got.
var monitor = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
    while (await timer.WaitForNextTickAsync() && !stopDriving.IsCancellationRequested)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  t+{Environment.TickCount64 / 1000 % 10000} s: threads {ThreadPool.ThreadCount}, queued {ThreadPool.PendingWorkItemCount}, intakes in flight {Interlocked.Read(ref inFlight)}, frames so far {dashboards.Sum(d => d.Frames)}"));
    }
});

await Task.Delay(TimeSpan.FromSeconds(warmup));
var publishedBefore = stream.Published;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
var allocatedBefore = GC.GetTotalAllocatedBytes();
var intakesBefore = Interlocked.Read(ref number);
Dashboard.Measuring = true;
var measured = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
Dashboard.Measuring = false;
var elapsed = measured.Elapsed.TotalSeconds;
var published = stream.Published - publishedBefore;
var intakes = Interlocked.Read(ref number) - intakesBefore;
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
stopDriving.Cancel();
await driver;

var frames = dashboards.Sum(d => d.Frames);
var deltas = dashboards.Sum(d => d.Deltas);
var gaps = dashboards.Sum(d => d.Gaps);
Console.WriteLine();
Console.WriteLine("| connections | target ev/s | intakes/s | events published/s | deltas/client/s | messages/client/s | p50 ms | p99 ms | max ms | gaps | CPU cores busy | GCs |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {connections} | {rate} | {intakes / elapsed:0} | {published / elapsed:0} | {deltas / (double)Math.Max(1, connections) / elapsed:0} | {frames / (double)Math.Max(1, connections) / elapsed:0.0} | {latencies.Percentile(0.50):0} | {latencies.Percentile(0.99):0} | {latencies.Max} | {gaps} | {cpu / elapsed:0.00} | {gcs} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"server: {serverFrames / (double)Math.Max(1, connections) / elapsed:0.0} frames/connection/s started, frame tick {pumpTotalMs / Math.Max(1, pumpTicks):0.0} ms mean, {pumpMaxMs:0.0} ms max over {pumpTicks} ticks; {batches} batches serialized, {batchBytes / (double)Math.Max(1, batches):0} bytes each on average, {serverFrames * (batchBytes / (double)Math.Max(1, batches)) / elapsed / 1e6:0.0} MB/s written to all connections"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"process: {cpu * 1000 / Math.Max(1, intakes):0.00} ms of CPU and {allocated / 1024.0 / Math.Max(1, intakes):0} KB allocated per intake (everything the process did, dashboards included), {allocated / 1e6 / elapsed:0} MB/s allocated"));
Console.WriteLine("latency: per received frame, from the earliest domain change folded into it (frame \"at\") to receipt; p50/p99 over frames");
Console.WriteLine($"latency samples {latencies.Count:N0}; intakes refused {refused}, failed {failed}, skipped (driver saturated, >{MaxInFlight} in flight) {saturated}");

foreach (var dashboard in dashboards)
{
    await dashboard.DisposeAsync();
}

await app.StopAsync();
await app.DisposeAsync();
return 0;
