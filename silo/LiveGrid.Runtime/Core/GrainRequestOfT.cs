namespace LiveGrid.Runtime.Core;

/// <summary>A call whose method returns a value.</summary>
internal sealed class GrainRequest<TResult> : GrainRequest
{
    private readonly Func<object, object?[], Task<TResult>> _invoke;
    // Asynchronous continuations: the caller's code must never run on the grain's thread while it holds its turn.
    private readonly TaskCompletionSource<TResult> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainRequest(GrainRuntimeCore runtime, GrainId target, MethodDispatcher method, object?[] arguments, bool interleave, Func<object, object?[], Task<TResult>> invoke)
        : base(runtime, target, method, arguments, interleave)
    {
        _invoke = invoke;
    }

    public Task<TResult> Task => _promise.Task;

    internal override bool IsAbandoned => _promise.Task.IsCompleted;

    internal override Task Execute(ActivationData activation) => _invoke(activation.Grain!, Arguments);

    protected override void Succeed(Task turn) => _promise.TrySetResult(((Task<TResult>)turn).Result);

    protected override void Fail(Exception exception) => _promise.TrySetException(exception);

    protected override void Cancel() => _promise.TrySetCanceled();
}
