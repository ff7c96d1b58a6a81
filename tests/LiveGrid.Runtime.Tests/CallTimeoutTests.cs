using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>A call that does not complete within CallTimeout (runtime clock) fails at the caller.</summary>
public sealed class CallTimeoutTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_stuck_call_and_the_calls_queued_behind_it_fail_with_TimeoutException_once_the_timeout_passes()
    {
        var silo = await StartSiloAsync(runtime: o => o.CallTimeout = CallTimeout);
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("stuck");
        var stuck = grain.Append(0, "never");
        await Events.WaitForAsync("append-start:stuck:0");
        var queued = new[] { grain.Append(1, null), grain.Append(2, null) };

        silo.Time.Advance(CallTimeout - TimeSpan.FromMilliseconds(1));
        await silo.GrainFactory.GetGrain<ISequenceGrain>("bystander").Append(0, null).WaitAsync(Safety);
        stuck.IsCompleted.Should().BeFalse("the timeout has not passed yet");
        queued.Should().OnlyContain(t => !t.IsCompleted);

        silo.Time.Advance(TimeSpan.FromMilliseconds(2));

        foreach (var call in queued.Prepend(stuck))
        {
            await FluentActions.Awaiting(() => call.WaitAsync(Safety)).Should().ThrowAsync<TimeoutException>();
        }
    }

    [Fact]
    public async Task A_grain_serves_new_calls_once_its_stuck_turn_ends()
    {
        var silo = await StartSiloAsync(runtime: o => o.CallTimeout = CallTimeout);
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("late");
        var stuck = grain.Append(0, "late-gate");
        await Events.WaitForAsync("append-start:late:0");
        silo.Time.Advance(CallTimeout + TimeSpan.FromSeconds(1));
        await FluentActions.Awaiting(() => stuck.WaitAsync(Safety)).Should().ThrowAsync<TimeoutException>();

        Probe.Open("late-gate");

        await Events.WaitForAsync("append-end:late:0");
        await grain.Append(1, null).WaitAsync(Safety);
        (await grain.GetLog().WaitAsync(Safety)).Should().Equal(0, 1);
    }

    [Fact]
    public async Task A_call_that_completes_in_time_is_not_failed_by_its_timeout_later()
    {
        var silo = await StartSiloAsync(runtime: o => o.CallTimeout = CallTimeout);
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("quick");
        var call = grain.Append(0, "quick-gate");
        await Events.WaitForAsync("append-start:quick:0");
        silo.Time.Advance(TimeSpan.FromSeconds(1));

        Probe.Open("quick-gate");
        await call.WaitAsync(Safety);
        silo.Time.Advance(TimeSpan.FromSeconds(5));

        call.IsCompletedSuccessfully.Should().BeTrue();
        (await grain.GetLog().WaitAsync(Safety)).Should().Equal(0);
    }
}
