using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>
/// The host can die between a ticket's state write and its reminder write: the store then holds the new state with
/// the reminder of the state before. The next activation arms the reminder for the stored state.
/// </summary>
public sealed class TicketReminderRecoveryTests
{
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryReminderTable _reminders = new();

    [Fact]
    public async Task A_reminder_left_from_before_the_dispatch_is_rearmed_on_activation_so_the_reminder_step_comes_at_the_deadline()
    {
        var start = ShanghaiTime.At("2026-03-09 10:00");
        string id;
        ReminderEntry beforeDispatch;
        DateTimeOffset deadline;
        await using (var desk = await OpenAsync(start))
        {
            id = (await desk.ReceiveAsync()).Summary.Id;
            beforeDispatch = await ReminderOfAsync(id);
            var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
            deadline = dispatched.Summary.Deadline!.Value;
            (await ReminderOfAsync(id)).StartAt.Should().BeBefore(beforeDispatch.StartAt, "the resolve clock's first threshold comes before the dispatch clock's");
        }

        // As if the host died after writing the dispatch and before moving its reminder.
        await _reminders.UpsertAsync(beforeDispatch with { ETag = null });
        beforeDispatch.StartAt.Should().BeAfter(deadline, "the stale reminder alone would come too late");

        await using var restarted = await OpenAsync(start);
        (await restarted.SummaryAsync(id)).Status.Should().Be(TicketStatus.Dispatched);
        await restarted.AdvanceToAsync(deadline + TimeSpan.FromMinutes(1));

        var trail = await restarted.Ticket(id).GetAuditTrail();
        trail.Should().Contain(t => t.Action == TicketActionKind.Supervise && t.At == deadline,
            "the 催办 comes at the deadline ({0}), not when the stale reminder was due ({1})", deadline, beforeDispatch.StartAt);
    }

    private Task<TicketDesk> OpenAsync(DateTimeOffset start) =>
        TicketDesk.OpenAsync(start, options =>
            options.ConfigureServices = services =>
            {
                TestCity.AddCityServices(services);
                services.AddSingleton<IGrainStorage>(_storage);
                services.AddSingleton<IReminderTable>(_reminders);
            });

    private async Task<ReminderEntry> ReminderOfAsync(string ticketId) =>
        (await _reminders.ReadAllAsync()).Single(r => r.GrainId.Key == ticketId && r.ReminderName == TicketGrain.ReminderName);
}
