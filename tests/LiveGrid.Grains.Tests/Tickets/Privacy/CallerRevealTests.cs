using LiveGrid.Grains.Events;
using LiveGrid.Grains.Tests.Tickets.Grains;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Tickets.Privacy;

/// <summary>Domain §8: the grain shows the caller masked everywhere and unmasked only through an audited reveal.</summary>
public sealed class CallerRevealTests
{
    [Fact]
    public async Task Every_view_of_the_ticket_carries_the_caller_masked()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var received = await desk.ReceiveAsync();
        var id = received.Summary.Id;
        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        var read = await desk.Ticket(id).Get();

        foreach (var view in new[] { received, dispatched, read! })
        {
            view.Intake.CallerName.Should().Be("刘＊");
            view.Intake.CallerPhone.Should().Be("138****5678");
            view.Intake.Description.Should().Be(TicketDesk.Intake().Description, "only the caller is masked");
        }
    }

    [Fact]
    public async Task A_reveal_returns_the_caller_and_appends_an_entry_that_changes_no_status()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        var before = (await desk.SummaryAsync(id));

        var result = await desk.Ticket(id).RevealCaller(People.Operator, " 回访需要联系来电人 ");

        result.NotFound.Should().BeFalse();
        result.Caller!.Name.Should().Be("刘先生");
        result.Caller.Phone.Should().Be("13812345678");
        result.Entry!.Action.Should().Be(TicketActionKind.RevealCaller);
        result.Entry.By.Should().Be(People.Operator);
        result.Entry.Note.Should().Be("回访需要联系来电人");
        result.Entry.From.Should().Be(before.Status);
        result.Entry.To.Should().Be(before.Status);
        result.Entry.At.Should().Be(desk.Time.GetUtcNow());
        result.View!.Intake.CallerPhone.Should().Be("138****5678", "the view stays what everyone sees");

        var trail = await desk.Ticket(id).GetAuditTrail();
        trail.Should().HaveCount(before.Version + 1).And.EndWith(result.Entry);
        var after = await desk.SummaryAsync(id);
        after.Status.Should().Be(before.Status);
        after.Version.Should().Be(before.Version + 1, "the version is the audit trail's length");
        var changed = await desk.WaitForEventAsync<TicketChanged>(id, e => e.Transition.Action == TicketActionKind.RevealCaller);
        changed.Summary.Version.Should().Be(after.Version);
        desk.Catalog.Find(id)!.Version.Should().Be(after.Version, "lists keep the version the next action must name");
    }

    [Fact]
    public async Task A_closed_ticket_still_records_who_saw_its_caller()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        await desk.DoAsync(id, new Accept(People.Handler, default));
        await desk.DoAsync(id, new Resolve(People.Handler, default, "已清理", ResolutionLevel.Grid));
        await desk.DoAsync(id, new CallBack(People.Operator, default, CallbackRating.Satisfied));
        var closed = await desk.DoAsync(id, new Close(People.Operator, default));
        closed.Summary.Status.Should().Be(TicketStatus.Closed);

        var result = await desk.Ticket(id).RevealCaller(People.CommandCenter, "投诉复核");

        result.Caller!.Phone.Should().Be("13812345678");
        (await desk.Ticket(id).GetAuditTrail())[^1].Should().Be(result.Entry);
        (await desk.SummaryAsync(id)).Status.Should().Be(TicketStatus.Closed);
    }

    [Fact]
    public async Task No_ticket_no_reveal()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));

        var result = await desk.Ticket("20260309-999999").RevealCaller(People.Operator, "查看");

        result.NotFound.Should().BeTrue();
        result.Caller.Should().BeNull();
        (await desk.Ticket("20260309-999999").GetAuditTrail()).Should().BeEmpty();
    }
}
