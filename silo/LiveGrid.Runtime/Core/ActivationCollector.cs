using LiveGrid.Runtime.Scheduling;

namespace LiveGrid.Runtime.Core;

/// <summary>Every collection quantum, deactivates the activations idle for longer than the collection age.</summary>
internal sealed class ActivationCollector(GrainRuntimeCore runtime, TimeSpan quantum) : ScheduledItem
{
    public void Start() => runtime.Timers.Schedule(this, runtime.NowTicks + quantum.Ticks);

    internal override void OnDue(long nowTicks)
    {
        // Re-arm first, then scan off the timer thread: a scan of a big directory must not delay other timers.
        runtime.Timers.Schedule(this, nowTicks + quantum.Ticks);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Runtime.CollectIdle(s.Now), (Runtime: runtime, Now: nowTicks), preferLocal: false);
    }
}
