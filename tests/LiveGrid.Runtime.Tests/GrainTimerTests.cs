using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>
/// Grain timers tick inside the grain's turn, never overlap calls or themselves, and stop with Dispose or
/// deactivation. After seeing a tick, tests make a call to the grain before advancing: that call's turn
/// comes after the tick's, so by its answer the tick's turn is over and the next period has been armed.
/// </summary>
public sealed class GrainTimerTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    private static void QuietRuntime(GrainRuntimeOptions options)
    {
        // Keep collection and call timeouts out of the way of the simulated seconds here.
        options.CollectionAge = TimeSpan.FromHours(2);
        options.CollectionQuantum = TimeSpan.FromHours(1);
        options.CallTimeout = TimeSpan.FromHours(2);
    }

    private IReadOnlyList<TickRecord> Ticks(string grain, string timer) =>
        [.. Probe.Records<TickRecord>().Where(t => t.GrainKey == grain && t.Timer == timer).OrderBy(t => t.Number)];

    private async Task<TestSilo> StartAsync() => await StartSiloAsync(QuietRuntime);

    [Fact]
    public async Task A_timer_fires_at_its_due_time_and_then_every_period()
    {
        var silo = await StartAsync();
        var start = silo.Time.GetUtcNow();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);

        silo.Time.Advance(Period - TimeSpan.FromMilliseconds(1));
        await grain.Ping().WaitAsync(Safety);
        Ticks("t", "beat").Should().BeEmpty("the due time has not come");

        silo.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Events.WaitForAsync("tick:t:beat");
        for (var n = 2; n <= 4; n++)
        {
            await grain.Ping().WaitAsync(Safety);
            silo.Time.Advance(Period);
            await Events.WaitForAsync("tick:t:beat", n);
        }

        Ticks("t", "beat").Select(t => t.At).Should().Equal(start + Period, start + (2 * Period), start + (3 * Period), start + (4 * Period));
    }

    [Fact]
    public async Task A_tick_waits_until_a_call_awaiting_inside_the_grain_has_finished_its_turn()
    {
        var silo = await StartAsync();
        var busy = silo.GrainFactory.GetGrain<ITimerGrain>("busy");
        var witness = silo.GrainFactory.GetGrain<ITimerGrain>("witness");
        await busy.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        await witness.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        var holding = busy.Hold("busy-gate");
        await Events.WaitForAsync("hold-start:busy");

        silo.Time.Advance(Period);

        // The witness ticked at the same instant, so the busy grain's tick is due too, yet it must wait.
        await Events.WaitForAsync("tick:witness:beat");
        await witness.Ping().WaitAsync(Safety);
        Events.Contains("tick:busy:beat").Should().BeFalse();

        Probe.Open("busy-gate");
        await holding.WaitAsync(Safety);
        await Events.WaitForAsync("tick:busy:beat");
        Ticks("busy", "beat").Single().DuringCall.Should().BeFalse();
        Events.StartingWith("hold-end:busy").Should().ContainSingle();
        Events.Entries.ToList().IndexOf("hold-end:busy").Should().BeLessThan(Events.Entries.ToList().IndexOf("tick:busy:beat"));
        Probe.Section("sync:busy").MaxConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task An_interleaving_timer_ticks_while_a_call_awaits_yet_the_grain_stays_single_threaded()
    {
        var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("mixed");
        await grain.StartTimer("beat", Period, Period, interleave: true, keepAlive: false, holdEachTick: false).WaitAsync(Safety);
        var holding = grain.Hold("mixed-gate");
        await Events.WaitForAsync("hold-start:mixed");

        silo.Time.Advance(Period);

        await Events.WaitForAsync("tick:mixed:beat");
        holding.IsCompleted.Should().BeFalse();
        Ticks("mixed", "beat").Single().DuringCall.Should().BeTrue();
        Probe.Open("mixed-gate");
        await holding.WaitAsync(Safety);
        Probe.Section("sync:mixed").MaxConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task A_timer_never_overlaps_itself_and_its_next_period_starts_when_the_callback_finishes()
    {
        var silo = await StartAsync();
        var start = silo.Time.GetUtcNow();
        var slow = silo.GrainFactory.GetGrain<ITimerGrain>("slow");
        var witness = silo.GrainFactory.GetGrain<ITimerGrain>("witness");
        await slow.StartTimer("beat", Period, Period, false, false, holdEachTick: true).WaitAsync(Safety);
        await witness.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);

        silo.Time.Advance(Period);
        await Events.WaitForAsync("tick:slow:beat");
        await Events.WaitForAsync("tick:witness:beat");
        for (var n = 2; n <= 4; n++)
        {
            await witness.Ping().WaitAsync(Safety);
            silo.Time.Advance(Period);
            await Events.WaitForAsync("tick:witness:beat", n);
        }

        Ticks("slow", "beat").Should().ContainSingle("the first tick is still running three periods later");
        var firstTickEnded = silo.Time.GetUtcNow();
        Probe.Open("tick:slow:beat:1");
        await Events.WaitForAsync("tick-end:slow:beat");
        await slow.Ping().WaitAsync(Safety);

        silo.Time.Advance(Period);

        await Events.WaitForAsync("tick:slow:beat", 2);
        var ticks = Ticks("slow", "beat");
        ticks[0].At.Should().Be(start + Period);
        ticks[1].At.Should().Be(firstTickEnded + Period);
        ticks.Should().OnlyContain(t => !t.WhilePreviousTickRan);
        Probe.Open("tick:slow:beat:2");
    }

    [Fact]
    public async Task Dispose_stops_a_timer()
    {
        var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("g");
        await grain.StartTimer("stopped", Period, Period, false, false, false).WaitAsync(Safety);
        await grain.StartTimer("running", Period, Period, false, false, false).WaitAsync(Safety);
        silo.Time.Advance(Period);
        await Events.WaitForAsync("tick:g:stopped");
        await Events.WaitForAsync("tick:g:running");

        await grain.StopTimer("stopped").WaitAsync(Safety);
        for (var n = 2; n <= 4; n++)
        {
            silo.Time.Advance(Period);
            await Events.WaitForAsync("tick:g:running", n);
            await grain.Ping().WaitAsync(Safety);
        }

        Ticks("g", "stopped").Should().HaveCount(1);
    }

    [Fact]
    public async Task Change_rearms_a_timer_with_a_new_due_time_and_period()
    {
        var silo = await StartAsync();
        var start = silo.Time.GetUtcNow();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("g");
        await grain.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        silo.Time.Advance(Period);
        await Events.WaitForAsync("tick:g:beat");

        await grain.ChangeTimer("beat", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)).WaitAsync(Safety);
        silo.Time.Advance(TimeSpan.FromSeconds(29));
        await grain.Ping().WaitAsync(Safety);
        Ticks("g", "beat").Should().HaveCount(1, "the changed due time has not come");
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Events.WaitForAsync("tick:g:beat", 2);
        await grain.Ping().WaitAsync(Safety);
        silo.Time.Advance(TimeSpan.FromSeconds(5));
        await Events.WaitForAsync("tick:g:beat", 3);

        Ticks("g", "beat").Select(t => t.At).Should().Equal(start + Period, start + TimeSpan.FromSeconds(40), start + TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task A_one_shot_timer_fires_once()
    {
        var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("g");
        await grain.StartTimer("once", Period, Once, false, false, false).WaitAsync(Safety);
        await grain.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        silo.Time.Advance(Period);
        await Events.WaitForAsync("tick:g:once");

        for (var n = 2; n <= 4; n++)
        {
            await Events.WaitForAsync("tick:g:beat", n - 1);
            await grain.Ping().WaitAsync(Safety);
            silo.Time.Advance(Period);
            await Events.WaitForAsync("tick:g:beat", n);
        }

        await grain.Ping().WaitAsync(Safety);
        Ticks("g", "once").Should().HaveCount(1);
    }

    [Fact]
    public async Task Timers_stop_when_their_grain_deactivates_and_do_not_reactivate_it()
    {
        var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("leaving");
        var witness = silo.GrainFactory.GetGrain<ITimerGrain>("witness");
        await grain.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        await witness.StartTimer("beat", Period, Period, false, false, false).WaitAsync(Safety);
        silo.Time.Advance(Period);
        await Events.WaitForAsync("tick:leaving:beat");
        await Events.WaitForAsync("tick:witness:beat");

        await grain.Deactivate().WaitAsync(Safety);
        await Events.WaitForAsync("deactivate:leaving:ApplicationRequested");
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(grain.GetGrainId()), "the activation leaves the directory");
        for (var n = 2; n <= 4; n++)
        {
            await witness.Ping().WaitAsync(Safety);
            silo.Time.Advance(Period);
            await Events.WaitForAsync("tick:witness:beat", n);
        }

        Ticks("leaving", "beat").Should().HaveCount(1);
        Events.Count("ctor:leaving").Should().Be(1);
        silo.Runtime.IsActive(grain.GetGrainId()).Should().BeFalse();
    }

    [Fact]
    public async Task Ticks_keep_an_activation_alive_only_when_the_timer_asks_for_it()
    {
        var silo = await StartSiloAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        var kept = silo.GrainFactory.GetGrain<ITimerGrain>("kept");
        var plain = silo.GrainFactory.GetGrain<ITimerGrain>("plain");
        var everyTwoMinutes = TimeSpan.FromMinutes(2);
        await kept.StartTimer("beat", everyTwoMinutes, everyTwoMinutes, false, keepAlive: true, false).WaitAsync(Safety);
        await plain.StartTimer("beat", everyTwoMinutes, everyTwoMinutes, false, keepAlive: false, false).WaitAsync(Safety);

        // No calls to either grain from here on: a call is activity itself. Ticks are due on even minutes.
        // Before each advance both grains are quiescent, so each tick has re-armed its timer at the minute it ran.
        // The idle sweep cannot collect a grain whose tick is running at that moment, so keep stepping until plain
        // has been collected (kept goes on ticking throughout).
        var core = silo.Runtime.Core;
        for (var minute = 1; Events.Count("deactivate:plain:ActivationIdle") == 0; minute++)
        {
            minute.Should().BeLessThan(60, "plain must be collected once it has been idle for the collection age");
            await Eventually.UntilAsync(() => !core.IsBusy(kept.GetGrainId()) && !core.IsBusy(plain.GetGrainId()), "both grains are quiescent");
            silo.Time.Advance(TimeSpan.FromMinutes(1));
            if (minute % 2 == 0)
            {
                await Events.WaitForAsync("tick:kept:beat", minute / 2);
            }
        }

        var plainGone = Probe.Records<DeactivationRecord>().Single(r => r.GrainId.Key == "plain").At;
        (plainGone - ManualTimeProvider.DefaultStart).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(10), "ticks without KeepAlive are not activity");
        Events.CountStartingWith("deactivate:kept").Should().Be(0);
        silo.Runtime.IsActive(kept.GetGrainId()).Should().BeTrue("its ticks count as activity");
    }
}
