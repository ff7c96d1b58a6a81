using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>
/// Durable reminders: due and periodic delivery with the right TickStatus, activation of inactive grains,
/// one-shot, unregistration, survival across a restart, one-second resolution.
/// A reminder fires from the clock's advance itself, so a call to the grain made after an advance is
/// answered only after any delivery that advance caused: tests use such a call to look for absent deliveries.
/// </summary>
public sealed class ReminderTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    private static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    private static void QuietRuntime(GrainRuntimeOptions options)
    {
        options.CollectionAge = TimeSpan.FromHours(2);
        options.CollectionQuantum = TimeSpan.FromHours(1);
        options.CallTimeout = TimeSpan.FromHours(2);
    }

    private IReadOnlyList<ReminderRecord> Deliveries(string grain, string reminder) =>
        [.. Probe.Records<ReminderRecord>().Where(r => r.GrainKey == grain && r.Reminder == reminder)];

    /// <summary>A periodic reminder's next tick is armed once its delivery has completed: wait for it before advancing past it.</summary>
    private static Task NextTickArmedAsync(TestSilo silo, DateTimeOffset due) =>
        silo.Time.WaitForTimerAsync(t => t.Due == due).WaitAsync(Safety);

    [Fact]
    public async Task A_reminder_is_delivered_at_its_due_time_and_then_every_period_with_the_right_TickStatus()
    {
        var silo = await StartSiloAsync(QuietRuntime);
        var start = silo.Time.GetUtcNow();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("g");
        var period = TimeSpan.FromSeconds(10);

        await grain.Register("r", TimeSpan.FromSeconds(5), period).WaitAsync(Safety);

        var row = await silo.Services.GetRequiredService<IReminderTable>().ReadAsync(grain.GetGrainId(), "r");
        row.Should().NotBeNull("the registration is durable when the call returns");
        row!.StartAt.Should().Be(start.AddSeconds(5));
        row.Period.Should().Be(period);
        (await grain.GetReminderNames().WaitAsync(Safety)).Should().Equal("r");

        silo.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        await grain.Ping().WaitAsync(Safety);
        Deliveries("g", "r").Should().BeEmpty();

        silo.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Events.WaitForAsync("reminder:g:r");
        for (var n = 2; n <= 3; n++)
        {
            await NextTickArmedAsync(silo, start.AddSeconds(5) + ((n - 1) * period));
            silo.Time.Advance(period);
            await Events.WaitForAsync("reminder:g:r", n);
        }

        var deliveries = Deliveries("g", "r");
        deliveries.Select(d => d.Status).Should().Equal(
            new TickStatus(start.AddSeconds(5), period, start.AddSeconds(5)),
            new TickStatus(start.AddSeconds(5), period, start.AddSeconds(15)),
            new TickStatus(start.AddSeconds(5), period, start.AddSeconds(25)));
        deliveries.Select(d => d.At).Should().Equal(start.AddSeconds(5), start.AddSeconds(15), start.AddSeconds(25));
    }

    [Fact]
    public async Task A_reminder_due_for_an_inactive_grain_activates_it()
    {
        var silo = await StartSiloAsync(QuietRuntime);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("sleeper");
        await grain.Register("wake", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)).WaitAsync(Safety);
        await grain.Deactivate().WaitAsync(Safety);
        await Events.WaitForAsync("deactivate:sleeper:ApplicationRequested");
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(grain.GetGrainId()), "the activation leaves the directory");

        silo.Time.Advance(TimeSpan.FromSeconds(5));

        await Events.WaitForAsync("reminder:sleeper:wake");
        Events.Count("ctor:sleeper").Should().Be(2, "the reminder activated the grain anew");
        Events.Entries.Should().ContainInOrder("deactivate:sleeper:ApplicationRequested", "activate:sleeper", "reminder:sleeper:wake");
        silo.Runtime.IsActive(grain.GetGrainId()).Should().BeTrue();
    }

    [Fact]
    public async Task A_one_shot_reminder_fires_once_and_is_then_gone_from_the_table()
    {
        var silo = await StartSiloAsync(QuietRuntime);
        var start = silo.Time.GetUtcNow();
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("g");
        await grain.Register("once", TimeSpan.FromSeconds(5), Once).WaitAsync(Safety);
        await grain.Register("witness", TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10)).WaitAsync(Safety);

        silo.Time.Advance(TimeSpan.FromSeconds(5));

        await Events.WaitForAsync("reminder:g:once");
        Deliveries("g", "once").Single().Status.Should().Be(new TickStatus(start.AddSeconds(5), Once, start.AddSeconds(5)));
        await Eventually.UntilAsync(async () => await table.ReadAsync(grain.GetGrainId(), "once") is null, "the delivered one-shot reminder's row is removed");
        (await grain.GetReminderNames().WaitAsync(Safety)).Should().Equal("witness");

        silo.Time.Advance(TimeSpan.FromSeconds(2));
        await Events.WaitForAsync("reminder:g:witness");
        await NextTickArmedAsync(silo, start.AddSeconds(17));
        silo.Time.Advance(TimeSpan.FromSeconds(10));
        await Events.WaitForAsync("reminder:g:witness", 2);
        await grain.Ping().WaitAsync(Safety);

        Deliveries("g", "once").Should().HaveCount(1);
    }

    [Fact]
    public async Task UnregisterReminder_stops_it_and_removes_its_row()
    {
        var silo = await StartSiloAsync(QuietRuntime);
        var start = silo.Time.GetUtcNow();
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("g");
        await grain.Register("r", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)).WaitAsync(Safety);
        await grain.Register("witness", TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10)).WaitAsync(Safety);
        silo.Time.Advance(TimeSpan.FromSeconds(5));
        await Events.WaitForAsync("reminder:g:r");

        (await grain.Unregister("r").WaitAsync(Safety)).Should().BeTrue();

        (await table.ReadAsync(grain.GetGrainId(), "r")).Should().BeNull();
        (await grain.GetReminderNames().WaitAsync(Safety)).Should().Equal("witness");
        silo.Time.Advance(TimeSpan.FromSeconds(2));
        await Events.WaitForAsync("reminder:g:witness");
        await NextTickArmedAsync(silo, start.AddSeconds(17));

        // Past r's next tick (15 s) to the witness's (17 s), twice.
        silo.Time.Advance(TimeSpan.FromSeconds(10));
        await Events.WaitForAsync("reminder:g:witness", 2);
        await NextTickArmedAsync(silo, start.AddSeconds(27));
        silo.Time.Advance(TimeSpan.FromSeconds(10));
        await Events.WaitForAsync("reminder:g:witness", 3);
        await grain.Ping().WaitAsync(Safety);

        Deliveries("g", "r").Should().HaveCount(1);
        (await grain.Unregister("r").WaitAsync(Safety)).Should().BeFalse("it is gone");
    }

    [Fact]
    public async Task A_reminder_survives_a_full_restart_of_the_host()
    {
        var reminders = new MemoryReminderTable();
        var storage = new MemoryGrainStorage();
        void SharedStores(IServiceCollection services)
        {
            services.AddSingleton<IReminderTable>(reminders);
            services.AddSingleton<IGrainStorage>(storage);
        }

        var first = await StartSiloAsync(QuietRuntime, SharedStores);
        var start = first.Time.GetUtcNow();
        await first.GrainFactory.GetGrain<IReminderGrain>("durable").Register("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)).WaitAsync(Safety);
        await first.GrainFactory.GetGrain<ICounterGrain>("durable-counter").SetValue(5).WaitAsync(Safety);
        await first.DisposeAsync();
        Deliveries("durable", "r").Should().BeEmpty();

        var second = await StartSiloAsync(QuietRuntime, SharedStores, new ManualTimeProvider(start));
        second.Runtime.ReminderCount.Should().Be(1, "the new host loads the reminder from the table");
        second.Time.Advance(TimeSpan.FromMinutes(1));

        await Events.WaitForAsync("reminder:durable:r");
        Deliveries("durable", "r").Single().Status.CurrentTickTime.Should().Be(start.AddMinutes(1));
        Events.Count("ctor:durable").Should().Be(2, "the second host activated the grain for the reminder");
        (await second.GrainFactory.GetGrain<ICounterGrain>("durable-counter").GetValue().WaitAsync(Safety)).Should().Be(5);
    }

    [Fact]
    public async Task A_reminder_due_in_one_second_fires_after_one_second_and_not_before()
    {
        var silo = await StartSiloAsync(QuietRuntime);
        var start = silo.Time.GetUtcNow();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("second");
        await grain.Register("r", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)).WaitAsync(Safety);

        silo.Time.Advance(TimeSpan.FromMilliseconds(999));
        await grain.Ping().WaitAsync(Safety);
        Deliveries("second", "r").Should().BeEmpty();

        silo.Time.Advance(TimeSpan.FromMilliseconds(1));

        await Events.WaitForAsync("reminder:second:r");
        Deliveries("second", "r").Single().At.Should().Be(start.AddSeconds(1));
    }
    [Fact]
    public async Task Reminders_unreadable_at_start_are_loaded_once_the_store_answers_and_an_overdue_one_fires()
    {
        var start = ManualTimeProvider.DefaultStart;
        var rows = new MemoryReminderTable();
        await rows.UpsertAsync(new ReminderEntry(new GrainId("test-reminder", "late"), "deadline", start - TimeSpan.FromMinutes(5), Once));
        var table = new UnavailableAtStartReminderTable(rows, unavailableReads: 2);

        var silo = await StartSiloAsync(QuietRuntime, s => s.AddSingleton<IReminderTable>(table));

        silo.Runtime.RemindersLoaded.Should().BeFalse("the host starts even though the store did not answer");
        silo.Runtime.ReminderCount.Should().Be(0);

        // Retries back off: 1 s (fails again), then 2 s (succeeds).
        await silo.Time.WaitForTimerDueByAsync(start.AddSeconds(1)).WaitAsync(Safety);
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.Time.WaitForTimerDueByAsync(start.AddSeconds(3)).WaitAsync(Safety);
        table.ReadAllCalls.Should().Be(2);
        silo.Time.Advance(TimeSpan.FromSeconds(2));

        await Events.WaitForAsync("reminder:late:deadline");
        table.ReadAllCalls.Should().Be(3);
        silo.Runtime.RemindersLoaded.Should().BeTrue();
        Deliveries("late", "deadline").Single().Status.CurrentTickTime.Should().Be(start - TimeSpan.FromMinutes(5), "an overdue one-shot reminder fires as soon as it is loaded");
    }
}
