using LiveGrid.Runtime.State;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>A queued change whose caller awaits a <typeparamref name="TResult"/>.</summary>
internal abstract class SqliteWriteOperation<TResult> : SqliteWriteOperation
{
    // Continuations must not run on the writer thread: it has the next batch to commit.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private InconsistentStateException? _conflict;

    public Task<TResult> Completion => _completion.Task;

    public sealed override void Apply(SqliteWriteSession session)
    {
        _conflict = null;
        try
        {
            _result = Execute(session);
        }
        catch (InconsistentStateException conflict)
        {
            // A lost ETag race changed nothing; the batch goes on, this caller learns it after COMMIT.
            _conflict = conflict;
        }
    }

    public sealed override void Publish()
    {
        if (_conflict is not null)
        {
            _completion.TrySetException(_conflict);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public sealed override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected sealed override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);

    protected abstract TResult Execute(SqliteWriteSession session);
}
