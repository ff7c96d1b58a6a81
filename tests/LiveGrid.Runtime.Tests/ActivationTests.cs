using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>Virtual actors: references are free, the first call activates, one activation per key.</summary>
public sealed class ActivationTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task GetGrain_returns_a_reference_without_activating_and_the_first_call_activates()
    {
        var silo = await StartSiloAsync();
        var id = new GrainId("counter", "a");

        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("a");

        grain.GetGrainId().Should().Be(id);
        silo.Runtime.ActivationCount.Should().Be(0);
        silo.Runtime.IsActive(id).Should().BeFalse();
        Events.Entries.Should().BeEmpty("neither the constructor nor OnActivateAsync may run for a mere reference");

        (await grain.Ping().WaitAsync(Safety)).Should().Be("a");

        silo.Runtime.ActivationCount.Should().Be(1);
        silo.Runtime.IsActive(id).Should().BeTrue();
        Events.Entries.Should().Equal("ctor:a", "activate:a:0:False", "ping:a");
    }

    [Fact]
    public async Task OnActivateAsync_sees_the_state_already_read_from_storage()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        await storage.WriteAsync("state", new GrainId("counter", "seeded"), serializer.Serialize(new CounterState { Value = 42 }), expectedEtag: null);

        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("seeded");

        (await grain.GetValueSeenOnActivation().WaitAsync(Safety)).Should().Be(42);
        Events.Entries.Should().Contain("activate:seeded:42:True");
        (await grain.GetRecordExists().WaitAsync(Safety)).Should().BeTrue();
    }

    [Fact]
    public async Task A_thousand_concurrent_first_calls_to_a_new_key_make_exactly_one_activation()
    {
        var silo = await StartSiloAsync();

        var calls = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => silo.GrainFactory.GetGrain<ICounterGrain>("hot").Ping()))
            .ToArray();
        var answers = await Task.WhenAll(calls).WaitAsync(Safety);

        answers.Should().HaveCount(1000).And.OnlyContain(a => a == "hot");
        Events.Count("ctor:hot").Should().Be(1);
        Events.CountStartingWith("activate:hot:").Should().Be(1);
        Events.Count("ping:hot").Should().Be(1000);
        silo.Runtime.ActivationCount.Should().Be(1);
    }

    [Fact]
    public async Task Grain_type_names_come_from_GrainType_or_from_the_class_name()
    {
        var silo = await StartSiloAsync();

        silo.GrainFactory.GetGrain<ICounterGrain>("k").GetGrainId().Should().Be(new GrainId("counter", "k"));
        silo.GrainFactory.GetGrain<IRelayGrain>("k").GetGrainId().Should().Be(new GrainId("relay", "k"));
        silo.GrainFactory.GetGrain<IReminderGrain>("k").GetGrainId().Should().Be(new GrainId("test-reminder", "k"));

        await silo.GrainFactory.GetGrain<IReminderGrain>("k").Ping().WaitAsync(Safety);
        silo.Runtime.IsActive(new GrainId("test-reminder", "k")).Should().BeTrue();
    }

    [Fact]
    public async Task Guid_and_integer_keys_reach_the_grain()
    {
        var silo = await StartSiloAsync();
        var guid = Guid.NewGuid();

        var byGuid = silo.GrainFactory.GetGrain<IGuidKeyGrain>(guid);
        var byNumber = silo.GrainFactory.GetGrain<IIntegerKeyGrain>(9_000_000_001L);

        (await byGuid.GetKey().WaitAsync(Safety)).Should().Be(guid);
        byGuid.GetPrimaryKey().Should().Be(guid);
        (await byNumber.GetKey().WaitAsync(Safety)).Should().Be(9_000_000_001L);
        byNumber.GetPrimaryKeyLong().Should().Be(9_000_000_001L);
    }

    [Fact]
    public async Task Task_and_ValueTask_methods_with_and_without_results_all_work()
    {
        var silo = await StartSiloAsync();
        var calculator = silo.GrainFactory.GetGrain<ICalculatorGrain>("calc");

        (await calculator.Double(21, null).WaitAsync(Safety)).Should().Be(42);
        (await calculator.Square(12).AsTask().WaitAsync(Safety)).Should().Be(144);
        await calculator.Touch().AsTask().WaitAsync(Safety);
        await calculator.Touch().AsTask().WaitAsync(Safety);
        (await calculator.GetTouches().WaitAsync(Safety)).Should().Be(2);
        (await calculator.Compute(new Computation(5, 0, "nobody")).WaitAsync(Safety))
            .Should().Be(new Computation(5, 15, "calculator/calc"));
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal()
    {
        var silo = await StartSiloAsync();

        var first = silo.GrainFactory.GetGrain<ICounterGrain>("same");
        var second = silo.GrainFactory.GetGrain<ICounterGrain>("same");

        first.Should().Be(second);
        first.Should().NotBe(silo.GrainFactory.GetGrain<ICounterGrain>("other"));
    }
}
