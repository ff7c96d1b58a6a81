using LiveGrid.Runtime.Scheduling;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// One unit of work that takes a turn in an activation: a call, a timer tick, the activation itself or its
/// deactivation. A non-interleaving item holds the activation's turn from start until its task completes.
/// It derives from <see cref="ScheduledItem"/> so a call can be armed for its timeout, and a timer for its
/// next tick, without another allocation.
/// </summary>
internal abstract class TurnItem : ScheduledItem
{
    private Action? _onTurnCompleted;

    /// <summary>The activation running this item; set when the activation accepts it.</summary>
    internal ActivationData? Target;

    /// <summary>The task of the running turn.</summary>
    internal Task? TurnTask;

    /// <summary>May run while another turn awaits (the grain stays single-threaded).</summary>
    internal abstract bool Interleave { get; }

    /// <summary>Counts as activity for idle collection.</summary>
    internal virtual bool KeepsAlive => true;

    /// <summary>Re-sent to the next activation when this one deactivates before running it (calls are; ticks are not).</summary>
    internal virtual bool ForwardOnDeactivation => false;

    /// <summary>Nobody waits for the outcome any more (a call that timed out): skip it.</summary>
    internal virtual bool IsAbandoned => false;

    /// <summary>Starts the turn. Runs inside the activation's context.</summary>
    internal abstract Task Execute(ActivationData activation);

    /// <summary>Publishes the outcome of the turn. Runs outside any activation context.</summary>
    internal abstract void Complete(ActivationData activation, Task? turn);

    /// <summary>The item can never run (the activation failed or the runtime is stopping).</summary>
    internal abstract void Reject(Exception reason);

    internal Action OnTurnCompleted => _onTurnCompleted ??= () => Target!.FinishTurn(this, TurnTask);

    internal override void OnDue(long nowTicks)
    {
    }
}
