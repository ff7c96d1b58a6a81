using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Workers;

/// <summary>Ticket and inspection summaries as their grains would report them to a worker.</summary>
internal static class Summaries
{
    public static readonly DateTimeOffset Received = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static TicketSummary Ticket(string id, long revision, string? assignee, TicketStatus status = TicketStatus.Accepted, DateTimeOffset? deadline = null, AgingBucket bucket = AgingBucket.Under50) =>
        new()
        {
            Id = id,
            Version = (int)revision,
            Revision = revision,
            Status = status,
            Source = TicketSource.Hotline,
            Category = DefaultCategoryCodes.ExposedRubbish,
            GridCode = Support.TestCity.Grid1,
            Title = $"暴露垃圾 {id}",
            ReceivedAt = Received,
            LastChangedAt = Received.AddMinutes(revision),
            AssigneeWorkerId = assignee,
            Deadline = deadline,
            Bucket = bucket,
        };

    public static InspectionSummary Inspection(string id, int version, string worker, InspectionStatus status = InspectionStatus.Scheduled) =>
        new()
        {
            Id = id,
            Version = version,
            Kind = InspectionKind.Patrol,
            Status = status,
            GridCode = Support.TestCity.Grid1,
            WorkerId = worker,
            WindowStart = Received,
            WindowEnd = Received.AddHours(4),
        };
}
