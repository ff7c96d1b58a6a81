using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>Graceful stop: in-flight calls finish, every activation deactivates (and may write state), new calls fail.</summary>
public sealed class ShutdownTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task Stop_lets_an_in_flight_call_finish_deactivates_every_grain_and_keeps_state_written_on_deactivation()
    {
        var silo = await StartSiloAsync(o => o.CallTimeout = TimeSpan.FromHours(1));
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        var busy = silo.GrainFactory.GetGrain<ICounterGrain>("busy");
        var writer = silo.GrainFactory.GetGrain<ICounterGrain>("writer");
        var idle = silo.GrainFactory.GetGrain<ICounterGrain>("idle");
        await writer.SetValueToWriteOnDeactivation(21).WaitAsync(Safety);
        await idle.Ping().WaitAsync(Safety);
        var inFlight = busy.Hold("busy-gate");
        await Events.WaitForAsync("hold-start:busy");

        var stopping = silo.Runtime.StopAsync(CancellationToken.None);
        stopping.IsCompleted.Should().BeFalse("a call is still in flight");
        Probe.Open("busy-gate");

        await inFlight.WaitAsync(Safety);
        await stopping.WaitAsync(Safety);

        Events.Entries.Should().Contain(["deactivate:busy:ShuttingDown", "deactivate:writer:ShuttingDown", "deactivate:idle:ShuttingDown"]);
        Events.CountStartingWith("deactivate:").Should().Be(3);
        silo.Runtime.ActivationCount.Should().Be(0);
        var stored = await storage.ReadAsync("state", writer.GetGrainId());
        stored.Should().NotBeNull("OnDeactivateAsync wrote the state during shutdown");
        serializer.Deserialize<CounterState>(stored!.Data).Value.Should().Be(21);
    }

    [Fact]
    public async Task Calls_after_stop_fail_at_once_with_a_clear_exception()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("late");
        await grain.Ping().WaitAsync(Safety);
        await silo.StopAsync();

        var call = grain.Ping();

        (await FluentActions.Awaiting(() => call.WaitAsync(Safety)).Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain("shutting down").And.Contain("counter/late");
        await FluentActions.Awaiting(() => silo.GrainFactory.GetGrain<ICounterGrain>("never-activated").Ping().WaitAsync(Safety))
            .Should().ThrowAsync<InvalidOperationException>();
    }
}
