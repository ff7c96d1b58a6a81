using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>Which call a <see cref="PendingReport"/> makes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PendingReportKind>))]
public enum PendingReportKind
{
    /// <summary>IGridGrain(Target).TrackTicket(Summary).</summary>
    GridTrack,

    /// <summary>IWorkerGrain(Target).TrackTicket(Summary).</summary>
    WorkerTrack,

    /// <summary>IWorkerGrain(Target).Notify(Notification).</summary>
    WorkerNotify,

    /// <summary>ITicketGrain(Target).Execute(Action): the original records a duplicate merged into it.</summary>
    OriginalTicket,
}
