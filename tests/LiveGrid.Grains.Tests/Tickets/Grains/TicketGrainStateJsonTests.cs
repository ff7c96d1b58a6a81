using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>The ticket grain's state goes through the runtime's state serializer and comes back whole, outbox included.</summary>
public sealed class TicketGrainStateJsonTests
{
    [Fact]
    public void The_state_with_a_ticket_and_pending_reports_round_trips_through_the_state_serializer()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();
        var state = new TicketGrainState
        {
            Ticket = story.Ticket,
            Intake = TicketDesk.Intake(),
            GridCode = "110101001001001",
            AssigneeWorkerId = "w1a",
            Revision = 7,
            EventSequence = 9,
            LadderClock = "Resolve@1",
            LadderSteps = 2,
            Outbox =
            [
                new PendingReport(PendingReportKind.WorkerNotify, "w1a", Notification: new WorkerNotification
                {
                    At = TicketStory.Start, Kind = WorkerNotificationKind.Assigned, Title = "新工单", TicketId = story.Ticket.Id,
                }),
                new PendingReport(PendingReportKind.OriginalTicket, "20260309-000001", Action: new AddDuplicate(People.Operator, default, story.Ticket.Id)),
            ],
        };
        var serializer = new GrainStateSerializer(Options.Create(new GrainRuntimeOptions()));

        var back = serializer.Deserialize<TicketGrainState>(serializer.Serialize(state));

        back.Ticket.Should().BeEquivalentTo(state.Ticket, options => options.ComparingRecordsByMembers());
        back.Ticket!.History.Should().HaveCount(state.Ticket.History.Count);
        back.Outbox.Should().HaveCount(2);
        back.Outbox[1].Action.Should().BeOfType<AddDuplicate>().Which.DuplicateTicketId.Should().Be(story.Ticket.Id);
        back.Outbox[0].Notification!.Kind.Should().Be(WorkerNotificationKind.Assigned);
        back.LadderSteps.Should().Be(2);
        back.Revision.Should().Be(7);
    }
}
