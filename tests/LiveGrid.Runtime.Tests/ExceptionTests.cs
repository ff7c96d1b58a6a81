using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>A grain method's exception reaches the caller as is, and the grain carries on.</summary>
public sealed class ExceptionTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task A_synchronous_throw_reaches_the_caller_through_the_task_with_its_type_and_message()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IThrowingGrain>("sync");

        var call = grain.ThrowSync("ticket 12 has no grid");

        await FluentActions.Awaiting(() => call.WaitAsync(Safety))
            .Should().ThrowExactlyAsync<InvalidOperationException>().WithMessage("ticket 12 has no grid");
    }

    [Fact]
    public async Task An_asynchronous_throw_reaches_the_caller_with_its_type_and_message()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IThrowingGrain>("async");

        await FluentActions.Awaiting(() => grain.ThrowAsync("duplicate hotline call").WaitAsync(Safety))
            .Should().ThrowExactlyAsync<TicketRejectedException>().WithMessage("duplicate hotline call");
    }

    [Fact]
    public async Task A_throw_from_a_ValueTask_method_reaches_the_caller()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IThrowingGrain>("value");

        await FluentActions.Awaiting(() => grain.ThrowFromValueTask("bad grid code").AsTask().WaitAsync(Safety))
            .Should().ThrowExactlyAsync<ArgumentException>().WithMessage("bad grid code");
    }

    [Fact]
    public async Task After_throwing_the_grain_stays_usable_with_its_state_intact()
    {
        var silo = await StartSiloAsync();
        var grain = silo.GrainFactory.GetGrain<IThrowingGrain>("survivor");
        (await grain.Increment().WaitAsync(Safety)).Should().Be(1);

        await FluentActions.Awaiting(() => grain.ThrowSync("one").WaitAsync(Safety)).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(() => grain.ThrowAsync("two").WaitAsync(Safety)).Should().ThrowAsync<TicketRejectedException>();
        await FluentActions.Awaiting(() => grain.ThrowFromValueTask("three").AsTask().WaitAsync(Safety)).Should().ThrowAsync<ArgumentException>();

        (await grain.Increment().WaitAsync(Safety)).Should().Be(2, "the persistent state is intact");
        (await grain.GetInMemoryCount().WaitAsync(Safety)).Should().Be(2, "it is still the same activation");
        silo.Runtime.ActivationCount.Should().Be(1);
    }
}
