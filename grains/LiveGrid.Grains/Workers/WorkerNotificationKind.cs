using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Workers;

[JsonConverter(typeof(JsonStringEnumConverter<WorkerNotificationKind>))]
public enum WorkerNotificationKind
{
    /// <summary>A ticket was assigned to the worker.</summary>
    Assigned,
    /// <summary>A ticket left the worker (transferred, returned, resolved by someone else, closed).</summary>
    Unassigned,
    /// <summary>A deadline passed its warning threshold (75% used).</summary>
    DeadlineWarning,
    /// <summary>A deadline passed.</summary>
    Overdue,
    /// <summary>督办: a supervision step on one of the worker's tickets.</summary>
    Supervision,
    /// <summary>A suspension has run too long.</summary>
    SuspensionTooLong,
    /// <summary>A patrol was scheduled for the worker.</summary>
    PatrolScheduled,
    /// <summary>A patrol window ended before the patrol was completed.</summary>
    PatrolMissed,
    /// <summary>A resolved ticket to verify (核查).</summary>
    VerificationScheduled,
}
