using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// The built silo as its own process for the fault drills: on the given store, the test city's territory, no demo city,
/// and the test clock standing still at <see cref="ClockStart"/> (Monday 2026-11-23 09:30 in Beijing) unless moved. It
/// can be killed (kill -9) and started again on the same store; every start begins its clock at the same instant, so
/// deadlines stored by one process are still ahead for the next.
/// </summary>
internal sealed class FaultSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(30);

    private readonly string _workingDirectory;
    private readonly FaultStorage _storage;
    private readonly TimeSpan _requestTimeout;
    private SiloProcess? _process;
    private HttpClient? _http;

    private FaultSilo(string workingDirectory, FaultStorage storage, TimeSpan requestTimeout)
    {
        _workingDirectory = workingDirectory;
        _storage = storage;
        _requestTimeout = requestTimeout;
    }

    /// <summary>The client of the running process (made by <see cref="SiloClients"/>).</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The silo is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The client while the process runs, else null: what a load sends through.</summary>
    public HttpClient? ClientIfRunning => IsRunning ? _http : null;

    public FaultStorage Storage => _storage;

    /// <summary>What the current (or last) process printed, for failure messages.</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>Starts the silo and puts the test city's territory in place when the store has none yet.</summary>
    public static async Task<FaultSilo> StartAsync(string workingDirectory, FaultStorage storage, TimeSpan requestTimeout)
    {
        var silo = new FaultSilo(workingDirectory, storage, requestTimeout);
        try
        {
            await silo.StartProcessAsync();
            if ((await silo.Http.GetAsync("/api/territory")).StatusCode == HttpStatusCode.NotFound)
            {
                var document = TerritoryDocumentMapper.FromCityTerritory(TestCity.Territory());
                var put = await silo.Http.PutAsync("/api/territory", new StringContent(TerritoryJson.Write(document), Encoding.UTF8, "application/json"));
                if (put.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The territory was refused: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
                }
            }

            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        // The client stays (requests in flight fail on their own, as a client's would); the next start replaces it.
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    /// <summary>Starts a new process on the same store; returns how long it took until it served.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The silo is still running; kill it first.");
        }

        var started = Stopwatch.GetTimestamp();
        await StartProcessAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Moves the test clock to <paramref name="to"/>, timer by timer; returns once the grains have done that time's work.</summary>
    public async Task AdvanceClockToAsync(DateTimeOffset to, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var response = await Http.PostAsJsonAsync("/api/testing/clock", new { to }, cancel.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Moving the clock failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<DateTimeOffset> ClockAsync()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync("/api/testing/clock"));
        return document.RootElement.GetProperty("now").GetDateTimeOffset();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task StartProcessAsync()
    {
        var port = LoopbackPort.GetFree();
        string[] settings =
        [
            "--urls", $"http://127.0.0.1:{port}",
            .. _storage.Settings,
            "--LiveGrid:Testing:ManualClock=true",
            $"--LiveGrid:Testing:ClockStart={ClockStart.ToString("O", CultureInfo.InvariantCulture)}",
            "--LiveGrid:Startup:LoadDemoCityWhenEmpty=false",
            "--LiveGrid:Reports:Scheduled=false",
            // The load is one signed-in user taking in tickets as fast as it can: not what the intake limit is for.
            "--LiveGrid:RateLimits:Intake:PermitLimit=1000000",
            "--Logging:LogLevel:Default=Warning",
            // Idle collection is not what is measured; looking for idle grains every test-clock minute slows moving the clock by days.
            "--LiveGrid:Runtime:CollectionQuantum=01:00:00",
        ];
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _http?.Dispose();
        _http = null;
        _process = SiloProcess.Start(_workingDirectory, settings);
        await _process.WaitUntilRunningAsync(StartBudget);
        _http = await SiloClients.CreateAsync(new Uri($"http://127.0.0.1:{port}"), _requestTimeout);
    }
}
