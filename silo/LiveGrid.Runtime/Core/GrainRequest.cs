using System.Diagnostics;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// A call to a grain method. It is armed in the call-timeout queue from the moment it is sent; whichever
/// comes first, the grain's answer or the timeout, completes the caller's task.
/// </summary>
internal abstract class GrainRequest : TurnItem
{
    protected GrainRequest(GrainRuntimeCore runtime, GrainId target, MethodDispatcher method, object?[] arguments, bool interleave)
    {
        Runtime = runtime;
        TargetId = target;
        Method = method;
        Arguments = arguments;
        InterleaveCall = interleave;
        StartTimestamp = Stopwatch.GetTimestamp();
    }

    protected GrainRuntimeCore Runtime { get; }

    private int _ended;

    /// <summary>Whether <see cref="GrainRuntimeCore.Send"/> counted this call in flight (ends exactly once).</summary>
    internal bool CountedInFlight { get; set; }

    /// <summary>The call-timeout shard this call is armed in, if any.</summary>
    internal Scheduling.TimerQueue? TimeoutQueue { get; set; }

    protected GrainId TargetId { get; }

    protected MethodDispatcher Method { get; }

    protected object?[] Arguments { get; }

    private bool InterleaveCall { get; }

    private long StartTimestamp { get; }

    internal override bool Interleave => InterleaveCall;

    internal override bool ForwardOnDeactivation => true;

    internal override void OnDue(long nowTicks)
    {
        EndInFlight();
        Runtime.Metrics.CallTimeouts.Add(1);
        Fail(new TimeoutException(
            $"The call {Method.DisplayName} to {TargetId} did not complete within {Runtime.CallTimeout.TotalSeconds:0.###} s."));
    }

    internal override void Complete(ActivationData activation, Task? turn)
    {
        TimeoutQueue?.Cancel(this);
        EndInFlight();
        Runtime.Metrics.CallCompleted(TargetId.Type, Stopwatch.GetElapsedTime(StartTimestamp));
        if (turn is null)
        {
            return;
        }

        if (turn.IsCanceled)
        {
            Cancel();
        }
        else if (turn.IsFaulted)
        {
            Fail(turn.Exception!.InnerExceptions.Count == 1 ? turn.Exception.InnerException! : turn.Exception);
        }
        else
        {
            Succeed(turn);
        }
    }

    internal override void Reject(Exception reason)
    {
        TimeoutQueue?.Cancel(this);
        EndInFlight();
        Fail(reason);
    }

    /// <summary>Answered, failed or timed out: no longer in flight (a late answer after a timeout counts once).</summary>
    private void EndInFlight()
    {
        if (CountedInFlight && Interlocked.Exchange(ref _ended, 1) == 0)
        {
            Runtime.CallEnded();
        }
    }

    protected abstract void Succeed(Task turn);

    protected abstract void Fail(Exception exception);

    protected abstract void Cancel();
}
