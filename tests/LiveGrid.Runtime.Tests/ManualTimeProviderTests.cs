using System.Collections.Concurrent;
using LiveGrid.Testing;

namespace LiveGrid.Runtime.Tests;

public sealed class ManualTimeProviderTests
{
    private static readonly TimeSpan Safety = Eventually.Timeout;
    private static readonly DateTimeOffset Start = ManualTimeProvider.DefaultStart;

    [Fact]
    public void Starts_at_the_default_instant_in_Shanghai_local_time()
    {
        var time = new ManualTimeProvider();

        time.GetUtcNow().Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        time.LocalTimeZone.Id.Should().Be("Asia/Shanghai");
        time.GetLocalNow().Offset.Should().Be(TimeSpan.FromHours(8));
        time.GetLocalNow().Hour.Should().Be(8);
    }

    [Fact]
    public void Local_time_zone_can_be_changed()
    {
        var time = new ManualTimeProvider();

        time.SetLocalTimeZone(TimeZoneInfo.Utc);

        time.LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
        time.GetLocalNow().Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Timestamps_follow_the_clock()
    {
        var time = new ManualTimeProvider();
        var before = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        time.GetElapsedTime(before).Should().Be(TimeSpan.FromMilliseconds(1500));
        time.GetUtcNow().Should().Be(Start.AddMilliseconds(1500));
    }

    [Fact]
    public void Clock_never_moves_back()
    {
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromSeconds(10));

        var back = () => time.AdvanceTo(Start);

        back.Should().Throw<ArgumentOutOfRangeException>();
        time.GetUtcNow().Should().Be(Start.AddSeconds(10));
    }

    [Fact]
    public void Advance_fires_due_timers_in_due_order_with_the_clock_at_each_due_time()
    {
        var time = new ManualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var third = time.CreateTimer(_ => fired.Add(("third", time.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var first = time.CreateTimer(_ => fired.Add(("first", time.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var second = time.CreateTimer(_ => fired.Add(("second", time.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        fired.Should().Equal(("first", Start.AddSeconds(1)), ("second", Start.AddSeconds(2)), ("third", Start.AddSeconds(3)));
        time.GetUtcNow().Should().Be(Start.AddSeconds(5));
        time.ArmedTimerCount.Should().Be(0);
    }

    [Fact]
    public void A_timer_does_not_fire_before_its_due_time()
    {
        var time = new ManualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromMilliseconds(999));
        fired.Should().Be(0);

        time.Advance(TimeSpan.FromMilliseconds(1));
        fired.Should().Be(1);
    }

    [Fact]
    public void Periodic_timers_are_rearmed_after_each_tick()
    {
        var time = new ManualTimeProvider();
        var ticks = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => ticks.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6));

        ticks.Should().Equal(Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5));
        time.ArmedTimers.Should().ContainSingle().Which.Should().Be(new ArmedTimer(Start.AddSeconds(7), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_timer_disposed_inside_its_own_callback_stops()
    {
        var time = new ManualTimeProvider();
        var ticks = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                if (++ticks == 2)
                {
                    timer!.Dispose();
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(10));

        ticks.Should().Be(2);
        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.Zero).Should().BeFalse("a disposed timer cannot be re-armed");
    }

    [Fact]
    public void A_timer_disposed_by_an_earlier_callback_at_the_same_instant_does_not_fire()
    {
        var time = new ManualTimeProvider();
        var secondFired = false;
        using var second = time.CreateTimer(_ => secondFired = true, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var first = time.CreateTimer(_ => second.Dispose(), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        secondFired.Should().BeFalse();
    }

    [Fact]
    public void Callbacks_may_change_and_create_timers_that_fire_within_the_same_advance()
    {
        var time = new ManualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        ITimer? created = null;
        using var later = time.CreateTimer(_ => fired.Add(("later", time.GetUtcNow())), null, TimeSpan.FromSeconds(50), Timeout.InfiniteTimeSpan);
        using var first = time.CreateTimer(
            _ =>
            {
                fired.Add(("first", time.GetUtcNow()));
                later.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
                created = time.CreateTimer(_ => fired.Add(("created", time.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(10));

        fired.Should().Equal(("first", Start.AddSeconds(1)), ("created", Start.AddSeconds(2)), ("later", Start.AddSeconds(4)));
        created!.Dispose();
    }

    [Fact]
    public void Change_rearms_relative_to_now_and_infinite_due_time_disarms()
    {
        var time = new ManualTimeProvider();
        var ticks = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => ticks.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromMilliseconds(500));

        timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan).Should().BeTrue();
        time.Advance(TimeSpan.FromSeconds(2));
        ticks.Should().Equal(Start.AddMilliseconds(2500));

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));
        ticks.Should().HaveCount(1);
        time.ArmedTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task A_timer_due_now_fires_at_once_on_the_thread_pool()
    {
        var time = new ManualTimeProvider();
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var timer = time.CreateTimer(_ => fired.TrySetResult(time.GetUtcNow()), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        (await fired.Task.WaitAsync(Safety)).Should().Be(Start);
    }

    [Fact]
    public async Task Drives_Task_Delay_WaitAsync_and_CancellationTokenSource()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);
        var never = new TaskCompletionSource();
        var wait = never.Task.WaitAsync(TimeSpan.FromSeconds(2), time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), time);

        time.Advance(TimeSpan.FromSeconds(1));
        delay.IsCompleted.Should().BeFalse();
        wait.IsCompleted.Should().BeFalse();
        cts.IsCancellationRequested.Should().BeFalse();

        time.Advance(TimeSpan.FromSeconds(4));

        await delay.WaitAsync(Safety);
        await FluentActions.Awaiting(() => wait.WaitAsync(Safety)).Should().ThrowAsync<TimeoutException>();
        cts.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task Drives_PeriodicTimer()
    {
        var time = new ManualTimeProvider();
        using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var tick = periodic.WaitForNextTickAsync();
        tick.IsCompleted.Should().BeFalse();

        time.Advance(TimeSpan.FromSeconds(1));

        (await tick.AsTask().WaitAsync(Safety)).Should().BeTrue();
    }

    [Fact]
    public async Task WaitForTimer_completes_when_a_matching_timer_is_armed()
    {
        var time = new ManualTimeProvider();
        using var unrelated = time.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        var waiting = time.WaitForTimerDueByAsync(Start.AddSeconds(10));
        waiting.IsCompleted.Should().BeFalse("only a timer due in five minutes is armed");

        using var matching = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        await waiting.WaitAsync(Safety);
        time.WaitForTimerDueByAsync(Start.AddSeconds(10)).IsCompleted.Should().BeTrue("a matching timer is already armed");
    }

    [Fact]
    public void A_throwing_callback_surfaces_after_the_other_timers_fired()
    {
        var time = new ManualTimeProvider();
        var laterFired = false;
        using var failing = time.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var later = time.CreateTimer(_ => laterFired = true, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        var advance = () => time.Advance(TimeSpan.FromSeconds(3));

        advance.Should().Throw<AggregateException>().WithInnerException<InvalidOperationException>().WithMessage("boom");
        laterFired.Should().BeTrue();
        time.GetUtcNow().Should().Be(Start.AddSeconds(3));
    }

    [Fact]
    public async Task Timers_created_and_disposed_concurrently_with_advancing_fire_exactly_once_unless_disposed()
    {
        var time = new ManualTimeProvider();
        var fireCounts = new ConcurrentDictionary<int, int>();
        var disposed = new ConcurrentDictionary<int, bool>();
        const int PerThread = 500;

        var creators = Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var id = (thread * PerThread) + i;
                var timer = time.CreateTimer(_ => fireCounts.AddOrUpdate(id, 1, (_, n) => n + 1), null, TimeSpan.FromMilliseconds(1 + (id % 50)), Timeout.InfiniteTimeSpan);
                if (id % 3 == 0 && timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan))
                {
                    // Disarmed before it could fire (Change succeeded under the provider's lock).
                    disposed[id] = true;
                    timer.Dispose();
                }
            }
        })).ToArray();

        var advancer = Task.Run(async () =>
        {
            while (!creators.All(c => c.IsCompleted))
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
        });

        await Task.WhenAll(creators).WaitAsync(Safety);
        await advancer.WaitAsync(Safety);
        time.Advance(TimeSpan.FromSeconds(1));

        fireCounts.Values.Should().OnlyContain(n => n == 1, "no timer fires twice");
        var expected = Enumerable.Range(0, 4 * PerThread).Where(id => !disposed.ContainsKey(id)).ToArray();
        fireCounts.Keys.Where(id => !disposed.ContainsKey(id)).Should().BeEquivalentTo(expected, "every live timer fired");
        time.ArmedTimerCount.Should().Be(0);
    }
}
