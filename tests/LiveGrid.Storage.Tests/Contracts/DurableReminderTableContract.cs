using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>The reminder table contract plus durability: rows outlive the provider instance.</summary>
public abstract class DurableReminderTableContract : ReminderTableContract
{
    [Fact]
    public async Task Reminders_are_there_for_a_new_provider_instance()
    {
        var etag = await Table.UpsertAsync(Reminder(Grid, "overdue-check", Timeout.InfiniteTimeSpan));
        var removed = await Table.UpsertAsync(Reminder(Grid, "removed"));
        (await Table.RemoveAsync(Grid, "removed", removed)).Should().BeTrue();
        await CloseAsync(Table);

        var reopened = OpenTable();

        (await reopened.ReadAllAsync()).Should().ContainSingle()
            .Which.Should().Be(Reminder(Grid, "overdue-check", Timeout.InfiniteTimeSpan) with { ETag = etag });
        var next = await reopened.UpsertAsync(Reminder(Grid, "overdue-check"));
        next.Should().NotBe(etag).And.NotBe(removed);
        (await reopened.RemoveAsync(Grid, "overdue-check", next)).Should().BeTrue();
    }
}
