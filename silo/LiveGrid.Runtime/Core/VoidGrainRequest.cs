namespace LiveGrid.Runtime.Core;

/// <summary>A call whose method returns no value.</summary>
internal sealed class VoidGrainRequest : GrainRequest
{
    private readonly Func<object, object?[], Task> _invoke;
    // Asynchronous continuations: the caller's code must never run on the grain's thread while it holds its turn.
    private readonly TaskCompletionSource _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public VoidGrainRequest(GrainRuntimeCore runtime, GrainId target, MethodDispatcher method, object?[] arguments, bool interleave, Func<object, object?[], Task> invoke)
        : base(runtime, target, method, arguments, interleave)
    {
        _invoke = invoke;
    }

    public Task Task => _promise.Task;

    internal override bool IsAbandoned => _promise.Task.IsCompleted;

    internal override Task Execute(ActivationData activation) => _invoke(activation.Grain!, Arguments);

    protected override void Succeed(Task turn) => _promise.TrySetResult();

    protected override void Fail(Exception exception) => _promise.TrySetException(exception);

    protected override void Cancel() => _promise.TrySetCanceled();
}
