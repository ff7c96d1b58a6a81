using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>Idle activations are collected after CollectionAge, checked every CollectionQuantum.</summary>
public sealed class IdleCollectionTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Quantum = TimeSpan.FromMinutes(1);

    private static void Collection(GrainRuntimeOptions options)
    {
        options.CollectionAge = Age;
        options.CollectionQuantum = Quantum;

        // Calls held open across simulated minutes must not time out.
        options.CallTimeout = TimeSpan.FromHours(2);
    }

    [Fact]
    public async Task An_idle_activation_is_deactivated_after_the_collection_age_and_the_next_call_reactivates_it_with_its_state()
    {
        var silo = await StartSiloAsync(Collection);
        var witness = silo.GrainFactory.GetGrain<ICounterGrain>("witness");
        await witness.Ping().WaitAsync(Safety);
        await StepAsync(silo.Time, Quantum, 2);
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("idle");
        var id = grain.GetGrainId();
        await grain.SetValue(7).WaitAsync(Safety);
        var lastCall = silo.Time.GetUtcNow();

        await StepAsync(silo.Time, Quantum, 9);

        // The sweep that collected the witness (idle 11 minutes) has looked at this grain too.
        await Events.WaitForAsync("deactivate:witness:ActivationIdle");
        silo.Runtime.IsActive(id).Should().BeTrue("idle for 9 minutes is less than the collection age");
        Events.CountStartingWith("deactivate:idle").Should().Be(0);

        await StepAsync(silo.Time, Quantum, 2);

        await Events.WaitForAsync("deactivate:idle:ActivationIdle");
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(id), "the collected activation leaves the directory");
        silo.Runtime.ActivationCount.Should().Be(0);
        var deactivation = Probe.Records<DeactivationRecord>().Single(r => r.GrainId == id);
        (deactivation.At - lastCall).Should().BeGreaterThanOrEqualTo(Age);

        (await grain.GetValue().WaitAsync(Safety)).Should().Be(7);
        Events.Count("ctor:idle").Should().Be(2);
        Events.Entries.Should().Contain("activate:idle:7:True");
    }

    [Fact]
    public async Task Calls_count_as_activity_and_postpone_collection()
    {
        var silo = await StartSiloAsync(Collection);
        var busy = silo.GrainFactory.GetGrain<ICounterGrain>("busy");
        var witness = silo.GrainFactory.GetGrain<ICounterGrain>("witness");
        await Task.WhenAll(busy.Ping(), witness.Ping()).WaitAsync(Safety);

        await StepAsync(silo.Time, Quantum, 8);
        await busy.Ping().WaitAsync(Safety);
        await StepAsync(silo.Time, Quantum, 4);

        await Events.WaitForAsync("deactivate:witness:ActivationIdle");
        Events.CountStartingWith("deactivate:busy").Should().Be(0, "busy was called 4 minutes ago");
        silo.Runtime.IsActive(busy.GetGrainId()).Should().BeTrue();

        await StepAsync(silo.Time, Quantum, 8);
        await Events.WaitForAsync("deactivate:busy:ActivationIdle");
    }

    [Fact]
    public async Task A_grain_with_a_call_in_flight_is_not_collected()
    {
        var silo = await StartSiloAsync(Collection);
        var witness = silo.GrainFactory.GetGrain<ICounterGrain>("witness");
        var busy = silo.GrainFactory.GetGrain<ICounterGrain>("in-flight");
        await witness.Ping().WaitAsync(Safety);
        var holding = busy.Hold("in-flight-gate");
        await Events.WaitForAsync("hold-start:in-flight");

        await StepAsync(silo.Time, Quantum, 15);

        await Events.WaitForAsync("deactivate:witness:ActivationIdle");
        Events.CountStartingWith("deactivate:in-flight").Should().Be(0);
        silo.Runtime.IsActive(busy.GetGrainId()).Should().BeTrue();

        Probe.Open("in-flight-gate");
        await holding.WaitAsync(Safety);
        await busy.Ping().WaitAsync(Safety);
        Events.Count("ctor:in-flight").Should().Be(1, "the same activation served the call after the hold");
    }

    [Fact]
    public async Task DelayDeactivation_keeps_an_idle_activation_for_the_requested_time()
    {
        var silo = await StartSiloAsync(Collection);
        var delayed = silo.GrainFactory.GetGrain<ICounterGrain>("delayed");
        var witness = silo.GrainFactory.GetGrain<ICounterGrain>("witness");
        await witness.Ping().WaitAsync(Safety);
        await delayed.KeepAliveFor(TimeSpan.FromMinutes(30)).WaitAsync(Safety);
        var requestedAt = silo.Time.GetUtcNow();

        await StepAsync(silo.Time, Quantum, 12);
        await Events.WaitForAsync("deactivate:witness:ActivationIdle");
        Events.CountStartingWith("deactivate:delayed").Should().Be(0);

        await StepAsync(silo.Time, Quantum, 20);

        await Events.WaitForAsync("deactivate:delayed:ActivationIdle");
        var record = Probe.Records<DeactivationRecord>().Single(r => r.GrainId.Key == "delayed");
        (record.At - requestedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_turn_and_the_next_call_reactivates()
    {
        var silo = await StartSiloAsync(Collection);
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("bye");
        await grain.SetValue(3).WaitAsync(Safety);

        await grain.Deactivate().WaitAsync(Safety);

        await Events.WaitForAsync("deactivate:bye:ApplicationRequested");
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(grain.GetGrainId()), "the activation leaves the directory");
        silo.Runtime.ActivationCount.Should().Be(0);

        (await grain.GetValue().WaitAsync(Safety)).Should().Be(3);
        Events.Count("ctor:bye").Should().Be(2);
    }
}
