using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>One turn at a time per grain, in arrival order; reentrancy and interleaving move the turn
/// boundary but never let a grain run on two threads at once.</summary>
public sealed class TurnTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task Calls_queued_behind_an_awaiting_turn_run_in_the_order_sent()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("s");
        var first = grain.Append(0, "g");
        await Events.WaitForAsync("append-start:s:0");

        var queued = Enumerable.Range(1, 50).Select(n => grain.Append(n, null)).ToArray();
        await silo.GrainFactory.GetGrain<ISequenceGrain>("other").Append(0, null).WaitAsync(Safety);
        Events.CountStartingWith("append-start:s:").Should().Be(1, "no call enters while the first turn awaits");

        Probe.Open("g");
        await Task.WhenAll(queued.Prepend(first)).WaitAsync(Safety);

        (await grain.GetLog().WaitAsync(Safety)).Should().Equal(Enumerable.Range(0, 51));
    }

    [Fact]
    public async Task A_plain_grain_never_runs_two_calls_at_once_even_across_awaits()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("w");

        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.Work(5))).ToArray();
        await Task.WhenAll(calls).WaitAsync(Safety);

        var section = Probe.Section("call:w");
        section.Entries.Should().Be(200);
        section.MaxConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task Different_grains_run_in_parallel()
    {
        var silo = await StartSiloAsync();
        var blocked = silo.GrainFactory.GetGrain<ISequenceGrain>("a").Append(0, "a-gate");
        await Events.WaitForAsync("append-start:a:0");

        await silo.GrainFactory.GetGrain<ISequenceGrain>("b").Append(1, null).WaitAsync(Safety);

        blocked.IsCompleted.Should().BeFalse();
        Probe.Open("a-gate");
        await blocked.WaitAsync(Safety);
    }

    [Fact]
    public async Task While_a_plain_grain_awaits_io_no_other_call_enters()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("io");
        var awaitingIo = grain.Append(0, "io-gate");
        await Events.WaitForAsync("append-start:io:0");

        var second = grain.Append(1, null);
        var log = grain.GetLog();

        // Another grain's answer shows the runtime is serving calls meanwhile.
        await silo.GrainFactory.GetGrain<ISequenceGrain>("elsewhere").Append(0, null).WaitAsync(Safety);
        second.IsCompleted.Should().BeFalse();
        log.IsCompleted.Should().BeFalse();
        Events.Contains("append-start:io:1").Should().BeFalse();

        Probe.Open("io-gate");
        await Task.WhenAll(awaitingIo, second, log).WaitAsync(Safety);
        Events.StartingWith("append-").Where(e => e.Contains(":io:")).Should()
            .Equal("append-start:io:0", "append-end:io:0", "append-start:io:1", "append-end:io:1");
        (await log).Should().Equal([0, 1], "GetLog was sent after the second Append");
    }

    [Fact]
    public async Task A_reentrant_grain_lets_a_second_call_in_while_the_first_awaits_but_stays_single_threaded()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>("r");
        var holding = grain.Hold("r-gate");
        await Events.WaitForAsync("hold-start:r");

        (await grain.Quick().WaitAsync(Safety)).Should().Be("r");

        holding.IsCompleted.Should().BeFalse();
        Probe.Open("r-gate");
        await holding.WaitAsync(Safety);
        Events.Entries.Should().Equal("hold-start:r", "quick:r", "hold-end:r");
        Probe.Section("sync:r").MaxConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task Interleaved_reentrant_calls_never_run_on_two_threads_at_once()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>("churn");

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.Churn(20))).ToArray();
        await Task.WhenAll(calls).WaitAsync(Safety);

        Probe.Section("sync:churn").MaxConcurrency.Should().Be(1);
        (await grain.GetUnsynchronisedCount().WaitAsync(Safety)).Should().Be(1000, "no increment may be lost to a parallel one");
    }

    [Fact]
    public async Task An_AlwaysInterleave_method_enters_while_a_normal_call_awaits_and_normal_calls_still_wait()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IInterleaveGrain>("i");
        var holding = grain.Hold("i-gate");
        await Events.WaitForAsync("hold-start:i");

        var touch = grain.Touch();
        (await grain.Status().WaitAsync(Safety)).Should().Be("ok");

        touch.IsCompleted.Should().BeFalse("a normal call sent before the interleaving one still waits for the turn");
        holding.IsCompleted.Should().BeFalse();
        Probe.Open("i-gate");
        await Task.WhenAll(holding, touch).WaitAsync(Safety);
        Events.Entries.Should().Equal("hold-start:i", "status:i", "hold-end:i", "touch:i");
        Probe.Section("sync:i").MaxConcurrency.Should().Be(1);
    }

    [Fact]
    public async Task AlwaysInterleave_calls_mixed_with_normal_calls_never_run_on_two_threads_at_once()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IInterleaveGrain>("mix");

        var calls = Enumerable.Range(0, 40)
            .Select(n => Task.Run(() => n % 4 == 0 ? grain.Work(20) : grain.Peek(20)))
            .ToArray();
        await Task.WhenAll(calls).WaitAsync(Safety);

        Probe.Section("sync:mix").MaxConcurrency.Should().Be(1);
        (await grain.GetUnsynchronisedCount().WaitAsync(Safety)).Should().Be(800);
    }

    [Fact]
    public async Task A_callers_continuation_never_runs_inside_the_grains_turn()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<ISequenceGrain>("caller");

        // A continuation that asks to run synchronously with the answer, then waits for a second call to the
        // same grain: if it ran while the grain still held the first turn, the second call could never start.
        // The gate makes sure the continuation is attached before the grain answers.
        var first = grain.Append(1, "caller-gate");
        var followUp = first.ContinueWith(
            _ => grain.Append(2, null).Wait(TimeSpan.FromSeconds(5)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        Probe.Open("caller-gate");

        (await followUp.WaitAsync(Safety)).Should().BeTrue("the first turn is over by the time its caller resumes");
        (await grain.GetLog().WaitAsync(Safety)).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_grain_calling_another_grain_gets_the_result_and_resumes_inside_its_own_turn()
    {
        var silo = await StartSiloAsync();
        var relay = silo.GrainFactory.GetGrain<IRelayGrain>("relay");
        var relaying = relay.RelayDouble("calc", 21, "calc-gate");
        await Events.WaitForAsync("double-start:calc");

        var ping = relay.Ping();
        await silo.GrainFactory.GetGrain<ICalculatorGrain>("other").Square(3).AsTask().WaitAsync(Safety);
        ping.IsCompleted.Should().BeFalse("the relay's turn lasts until its continuation after the awaited call has run");

        Probe.Open("calc-gate");
        var outcome = await relaying.WaitAsync(Safety);
        await ping.WaitAsync(Safety);

        outcome.Result.Should().Be(42);
        outcome.SameSynchronizationContext.Should().BeTrue("the continuation runs back in the calling grain's context");
        outcome.SameTaskScheduler.Should().BeTrue();
        Events.StartingWith("relay-").Should().Equal("relay-start:relay", "relay-end:relay", "relay-ping:relay");
    }

    [Fact]
    public async Task Many_concurrent_grain_to_grain_calls_all_get_their_answers()
    {
        var silo = await StartSiloAsync();

        var calls = Enumerable.Range(0, 200)
            .Select(n => Task.Run(() => silo.GrainFactory.GetGrain<IRelayGrain>($"relay-{n % 10}").RelayDouble($"calc-{n % 7}", n, null)))
            .ToArray();
        var outcomes = await Task.WhenAll(calls).WaitAsync(Safety);

        outcomes.Select(o => o.Result).Should().Equal(Enumerable.Range(0, 200).Select(n => 2 * n));
        outcomes.Should().OnlyContain(o => o.SameSynchronizationContext && o.SameTaskScheduler);
        for (var i = 0; i < 10; i++)
        {
            Probe.Section($"sync:relay-{i}").MaxConcurrency.Should().Be(1);
        }
    }
}
