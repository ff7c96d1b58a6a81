using LiveGrid.Runtime;
using LiveGrid.Runtime.Storage;
using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>What every <see cref="IReminderTable"/> must do; one subclass per provider, a fresh empty table per test.</summary>
public abstract class ReminderTableContract : ProviderContract<IReminderTable>
{
    protected static readonly GrainId Grid = new("grid", "朝阳区-网格-001");
    protected static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    protected IReminderTable Table => Provider;

    /// <summary>A new provider instance over this test's store: every call sees the same data.</summary>
    protected abstract IReminderTable CreateTable();

    protected sealed override IReminderTable CreateProvider() => CreateTable();

    protected IReminderTable OpenTable() => Open();

    protected static ReminderEntry Reminder(GrainId grainId, string name, TimeSpan? period = null, DateTimeOffset? startAt = null) =>
        new(grainId, name, startAt ?? Start, period ?? TimeSpan.FromMinutes(5));

    [Fact]
    public async Task An_empty_table_reads_nothing()
    {
        (await Table.ReadAsync(Grid, "overdue-check")).Should().BeNull();
        (await Table.ReadAsync(Grid)).Should().BeEmpty();
        (await Table.ReadAllAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Upsert_then_read_returns_the_row_with_its_etag()
    {
        var etag = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));

        var row = await Table.ReadAsync(Grid, "overdue-check");

        etag.Should().NotBeNullOrEmpty();
        row.Should().Be(Reminder(Grid, "overdue-check") with { ETag = etag });
    }

    [Fact]
    public async Task Upsert_ignores_the_etag_carried_by_the_entry()
    {
        var etag = await Table.UpsertAsync(Reminder(Grid, "overdue-check") with { ETag = "not-a-real-etag" });

        etag.Should().NotBe("not-a-real-etag");
        (await Table.ReadAsync(Grid, "overdue-check"))!.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Read_by_grain_returns_only_that_grains_rows()
    {
        var neighbours = new[]
        {
            new GrainId("grid", "朝阳区-网格-002"),
            new GrainId("ticket", Grid.Key),
            new GrainId("grid", Grid.Key + "/sub"),
            new GrainId("grid:x", "y"),
            new GrainId("grid", "x:y"),
        };
        await Table.UpsertAsync(Reminder(Grid, "overdue-check"));
        await Table.UpsertAsync(Reminder(Grid, "daily-report", TimeSpan.FromDays(1)));
        foreach (var neighbour in neighbours)
        {
            await Table.UpsertAsync(Reminder(neighbour, "overdue-check"));
        }

        var rows = await Table.ReadAsync(Grid);

        rows.Select(r => (r.GrainId, r.ReminderName)).Should().BeEquivalentTo(new[] { (Grid, "overdue-check"), (Grid, "daily-report") });
        foreach (var neighbour in neighbours)
        {
            (await Table.ReadAsync(neighbour)).Should().ContainSingle().Which.GrainId.Should().Be(neighbour);
        }
    }

    [Fact]
    public async Task Read_all_returns_rows_of_every_grain()
    {
        var other = new GrainId("inspection", "巡查-7");
        var a = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));
        var b = await Table.UpsertAsync(Reminder(other, "follow-up", Timeout.InfiniteTimeSpan));

        var rows = await Table.ReadAllAsync();

        rows.Should().BeEquivalentTo(new[]
        {
            Reminder(Grid, "overdue-check") with { ETag = a },
            Reminder(other, "follow-up", Timeout.InfiniteTimeSpan) with { ETag = b },
        });
    }

    [Fact]
    public async Task Remove_with_the_current_etag_deletes_the_row()
    {
        var etag = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));

        (await Table.RemoveAsync(Grid, "overdue-check", etag)).Should().BeTrue();

        (await Table.ReadAsync(Grid, "overdue-check")).Should().BeNull();
        (await Table.ReadAsync(Grid)).Should().BeEmpty();
        (await Table.ReadAllAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        var stale = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));
        var current = await Table.UpsertAsync(Reminder(Grid, "overdue-check", TimeSpan.FromMinutes(10)));

        (await Table.RemoveAsync(Grid, "overdue-check", stale)).Should().BeFalse();

        var row = await Table.ReadAsync(Grid, "overdue-check");
        row.Should().NotBeNull();
        row!.ETag.Should().Be(current);
        row.Period.Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Remove_of_a_missing_row_returns_false()
    {
        (await Table.RemoveAsync(Grid, "never-registered", "1")).Should().BeFalse();
    }

    [Fact]
    public async Task Remove_touches_only_the_named_reminder()
    {
        var keep = await Table.UpsertAsync(Reminder(Grid, "daily-report"));
        var drop = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));

        (await Table.RemoveAsync(Grid, "overdue-check", drop)).Should().BeTrue();

        (await Table.ReadAsync(Grid)).Should().ContainSingle().Which.Should().Be(Reminder(Grid, "daily-report") with { ETag = keep });
        (await Table.ReadAllAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task Upsert_replaces_the_row_and_changes_the_etag()
    {
        var first = await Table.UpsertAsync(Reminder(Grid, "overdue-check"));

        var second = await Table.UpsertAsync(Reminder(Grid, "overdue-check", TimeSpan.FromHours(1), Start.AddDays(1)));

        second.Should().NotBe(first);
        (await Table.ReadAsync(Grid)).Should().ContainSingle()
            .Which.Should().Be(Reminder(Grid, "overdue-check", TimeSpan.FromHours(1), Start.AddDays(1)) with { ETag = second });
    }

    [Fact]
    public async Task A_one_shot_reminder_keeps_its_infinite_period()
    {
        await Table.UpsertAsync(Reminder(Grid, "escalate-once", Timeout.InfiniteTimeSpan));

        var row = await Table.ReadAsync(Grid, "escalate-once");

        row!.Period.Should().Be(Timeout.InfiniteTimeSpan);
        row.IsOneShot.Should().BeTrue();
    }

    [Fact]
    public async Task StartAt_round_trips_to_the_tick_in_utc()
    {
        // Odd ticks and a +08:00 offset (Beijing time): the instant must survive exactly, returned as UTC.
        var beijing = new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        await Table.UpsertAsync(Reminder(Grid, "overdue-check", startAt: beijing));

        var row = await Table.ReadAsync(Grid, "overdue-check");

        row!.StartAt.UtcTicks.Should().Be(beijing.UtcTicks);
        row.StartAt.Offset.Should().Be(TimeSpan.Zero);
        (await Table.ReadAllAsync()).Single().StartAt.UtcTicks.Should().Be(beijing.UtcTicks);
    }

    [Fact]
    public async Task Read_all_over_1000_reminders_returns_every_one()
    {
        var entries = Enumerable.Range(0, 1000)
            .Select(i => Reminder(new GrainId("grid", $"朝阳区-网格-{i / 4:D3}"), $"reminder-{i % 4}", TimeSpan.FromSeconds(60 + i)))
            .ToList();
        var etags = await Task.WhenAll(entries.Select(e => Table.UpsertAsync(e))).WaitAsync(Patience);

        var rows = await Table.ReadAllAsync();

        // Records compare by value, so set differences (linear, unlike a structural equivalence check) pin down every row.
        var expected = entries.Select((e, i) => e with { ETag = etags[i] }).ToList();
        rows.Should().HaveCount(1000);
        expected.Except(rows).Should().BeEmpty("every upserted reminder must be read back");
        rows.Except(expected).Should().BeEmpty("nothing else may be read back");
        etags.Should().OnlyHaveUniqueItems();
    }
}
