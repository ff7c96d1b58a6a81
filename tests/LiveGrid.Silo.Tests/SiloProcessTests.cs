using System.Diagnostics;
using System.Net;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests;

/// <summary>The built silo as its own process: what deploy/run.sh starts.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_built_silo_answers_healthz_within_10_seconds_and_stops_gracefully_on_sigterm()
    {
        using var work = new TempDirectory("silo");
        var data = Path.Combine(work.Path, "data");
        var port = LoopbackPort.GetFree();
        await using var silo = SiloProcess.Start(work.Path,
            "--urls", $"http://127.0.0.1:{port}",
            "--LiveGrid:Storage:Provider=Sqlite",
            $"--LiveGrid:Storage:Sqlite:DataDirectory={data}");

        // The silo prints its start-up line once Kestrel listens; waiting for it is waiting on the event itself.
        var running = await silo.WaitUntilRunningAsync(StartBudget);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Eventually.Timeout };
        var response = await http.GetAsync("/healthz");
        var sinceStart = Stopwatch.GetElapsedTime(silo.StartedAt);

        response.StatusCode.Should().Be(HttpStatusCode.OK, silo.Output);
        sinceStart.Should().BeLessThan(StartBudget);
        running.Should().Be($"LiveGrid is running at http://127.0.0.1:{port} (storage: sqlite, data: {data})");

        var exitCode = await silo.StopGracefullyAsync(Eventually.Timeout);
        exitCode.Should().Be(0, silo.Output);
    }

    [Fact]
    public async Task The_built_silo_exits_non_zero_on_an_unknown_storage_provider_naming_the_allowed_values()
    {
        using var work = new TempDirectory("silo");
        await using var silo = SiloProcess.Start(work.Path,
            "--urls", $"http://127.0.0.1:{LoopbackPort.GetFree()}",
            "--LiveGrid:Storage:Provider=Cassandra");

        var exitCode = await silo.WaitForExitAsync(Eventually.Timeout);

        exitCode.Should().NotBe(0);
        silo.Output.Should().Contain("LiveGrid cannot start: unknown storage provider 'Cassandra'")
            .And.Contain("Allowed values: Sqlite, Redis, Memory.");
        silo.Running.IsCompleted.Should().BeFalse();
    }
}
