namespace LiveGrid.Runtime.Scheduling;

/// <summary>
/// Something a <see cref="TimerQueue"/> fires when its due time comes. The queue keeps the heap
/// position in the item itself, so arming and disarming allocate nothing and removal is O(log n).
/// </summary>
internal abstract class ScheduledItem
{
    /// <summary>Due time in UTC ticks. Owned by the queue while the item is armed.</summary>
    internal long DueTicks;

    /// <summary>Position in the queue's heap; -1 when not armed.</summary>
    internal int HeapIndex = -1;

    internal bool IsArmed => HeapIndex >= 0;

    /// <summary>Runs on the queue's timer thread: keep it short (enqueue work, do not do it).</summary>
    internal abstract void OnDue(long nowTicks);
}
