namespace LiveGrid.Runtime.Sqlite;

/// <summary>
/// A change waiting for the group commit. The writer applies it inside the batch transaction, and its
/// caller hears the outcome only after COMMIT returned: nothing is acknowledged before it is durable.
/// </summary>
internal abstract class SqliteWriteOperation
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Canceled = 2;

    private int _state;
    private CancellationTokenRegistration _cancellation;

    /// <summary>Bytes this operation adds to a batch, so one batch does not grow without bound.</summary>
    public virtual int PayloadBytes => 0;

    /// <summary>Lets the caller give up while the operation is still queued; once taken it runs to the end.</summary>
    public void AttachCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((SqliteWriteOperation)state!).TryCancel(token), this);
        }
    }

    /// <summary>Claims the operation for a batch. False if its caller already canceled it.</summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued)
        {
            return false;
        }

        _cancellation.Unregister();
        return true;
    }

    /// <summary>Applies the change in the open transaction. A conflict is kept for <see cref="Publish"/>; any other error aborts the batch.</summary>
    public abstract void Apply(SqliteWriteSession session);

    /// <summary>Tells the caller the outcome of <see cref="Apply"/>; called once the transaction committed.</summary>
    public abstract void Publish();

    public abstract void Fail(Exception exception);

    protected abstract void SetCanceled(CancellationToken cancellationToken);

    private void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Queued) == Queued)
        {
            SetCanceled(cancellationToken);
        }
    }
}
