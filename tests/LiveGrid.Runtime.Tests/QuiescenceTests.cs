using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>
/// <see cref="Hosting.GrainRuntime.IsQuiescent"/>: false while any call is in flight (also one grain awaiting another),
/// true once everything has answered; what a test driving a manual clock waits for before moving it on.
/// </summary>
public sealed class QuiescenceTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task The_runtime_is_quiescent_only_when_no_call_is_in_flight()
    {
        var silo = await StartSiloAsync();
        silo.Runtime.IsQuiescent.Should().BeTrue("nothing has been called yet");

        var relay = silo.GrainFactory.GetGrain<IRelayGrain>("outer").RelayDouble("inner", 21, "inner-gate");
        await Events.WaitForAsync("double-start:inner");
        silo.Runtime.IsQuiescent.Should().BeFalse("the relay awaits the calculator, which awaits its gate");

        Probe.Open("inner-gate");
        (await relay.WaitAsync(Safety)).Result.Should().Be(42);
        await Eventually.UntilAsync(() => silo.Runtime.IsQuiescent, "the runtime settles once both grains have answered");
    }
}
