using System.Text;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tests.Workers;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace LiveGrid.Grains.Tests.Inspections;

/// <summary>The source-generated contexts write the same bytes as the runtime's reflection fallback and read them back.</summary>
public sealed class StateJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static GrainStateSerializer Serializer(params System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver[] resolvers)
    {
        var options = new GrainRuntimeOptions();
        foreach (var resolver in resolvers)
        {
            options.StateTypeInfoResolvers.Add(resolver);
        }

        return new GrainStateSerializer(Options.Create(options));
    }

    private static void RoundTrips<T>(T state, System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver context)
    {
        var generated = Serializer(context);
        var bytes = generated.Serialize(state);
        Encoding.UTF8.GetString(bytes).Should().Be(Encoding.UTF8.GetString(Serializer().Serialize(state)));
        generated.Deserialize<T>(bytes).Should().BeEquivalentTo(state, options => options.ComparingRecordsByMembers());
    }

    [Fact]
    public void Worker_state_round_trips()
    {
        var state = new WorkerState
        {
            OnDuty = false,
            DutyChangedAt = At,
            FeedSequence = 1,
            EventSequence = 3,
            DropCount = 1,
        };
        state.Tickets["T1"] = Summaries.Ticket("T1", 4, "w1a", deadline: At.AddHours(4));
        state.DroppedTickets["T0"] = new DroppedMark(7, 1);
        state.Inspections["P1"] = Summaries.Inspection("P1", 2, "w1a", InspectionStatus.Started);
        state.Feed.Add(new WorkerNotification { Sequence = 1, At = At, Kind = WorkerNotificationKind.PatrolScheduled, Title = "巡查", InspectionId = "P1", Deadline = At });

        RoundTrips(state, WorkerJsonContext.Default);
        Encoding.UTF8.GetString(Serializer(WorkerJsonContext.Default).Serialize(state)).Should().Contain("\"Kind\":\"PatrolScheduled\"");
    }

    [Fact]
    public void Inspection_and_scheduler_state_round_trip()
    {
        var actor = new TicketActor("w1a", ActorRole.GridWorker, "张1");
        var plan = new InspectionPlan
        {
            Kind = InspectionKind.Patrol,
            GridCode = Support.TestCity.Grid1,
            WorkerId = "w1a",
            WindowStart = At,
            WindowEnd = At.AddHours(4),
            Checkpoints = ["东门"],
            Shift = "早班",
        };
        var state = new InspectionState
        {
            Plan = plan,
            Status = InspectionStatus.Missed,
            Version = 3,
            StartedAt = At,
            StartedBy = actor,
            Checkpoints = [new PassedCheckpoint("东门", At, null)],
            Findings = [new RecordedFinding(new PatrolFinding { Category = "暴露垃圾", Description = "垃圾", ResolvedOnSpot = true, Resolution = "已清运" }, "20260302-000001", At)],
            EscalatedTo = LiveGrid.Grains.Territory.TerritoryLevel.Community,
            History = [new InspectionStep(1, At, actor, null, InspectionStatus.Scheduled, "Schedule", null)],
            WorkerNotified = true,
            EventSequence = 3,
        };
        RoundTrips(state, InspectionJsonContext.Default);

        var scheduler = new PatrolSchedulerState { Started = true, Days = [new ScheduledPatrolDay(new DateOnly(2026, 3, 2), 12, At)] };
        RoundTrips(scheduler, InspectionJsonContext.Default);
    }
}
