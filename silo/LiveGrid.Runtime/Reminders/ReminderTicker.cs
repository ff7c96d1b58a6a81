using LiveGrid.Runtime.Scheduling;
using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.Reminders;

/// <summary>The in-memory schedule of one durable reminder row.</summary>
internal sealed class ReminderTicker(ReminderService service, ReminderEntry entry) : ScheduledItem
{
    public ReminderEntry Entry { get; } = entry;

    /// <summary>Consecutive failed deliveries of a one-shot reminder, for its retry back-off.</summary>
    public int Failures { get; set; }

    internal override void OnDue(long nowTicks) => service.Deliver(this, DueTicks);
}
