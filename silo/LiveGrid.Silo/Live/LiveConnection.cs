namespace LiveGrid.Silo.Live;

/// <summary>One hub connection's subscriptions: per scope, the last sequence it was sent.</summary>
internal sealed class LiveConnection(string connectionId)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);

    public string ConnectionId { get; } = connectionId;

    /// <summary>The send in progress; the pump skips the connection until it completes, so a slow client only delays itself.</summary>
    public Task InFlight { get; set; } = Task.CompletedTask;

    public void Set(ScopeLog log, long sentUpTo)
    {
        lock (_lock)
        {
            if (!_cursors.ContainsKey(log.Scope))
            {
                log.AddSubscriber();
            }

            _cursors[log.Scope] = new Cursor(log, sentUpTo);
        }
    }

    public void Remove(string scope)
    {
        lock (_lock)
        {
            if (_cursors.Remove(scope, out var cursor))
            {
                cursor.Log.RemoveSubscriber();
            }
        }
    }

    public void RemoveAll()
    {
        lock (_lock)
        {
            foreach (var cursor in _cursors.Values)
            {
                cursor.Log.RemoveSubscriber();
            }

            _cursors.Clear();
        }
    }

    public void CopyCursors(List<Cursor> into)
    {
        lock (_lock)
        {
            into.AddRange(_cursors.Values);
        }
    }

    /// <summary>Records what was sent, unless the scope was re-subscribed meanwhile (its new cursor wins).</summary>
    public void Advance(Cursor sent, long upTo)
    {
        lock (_lock)
        {
            if (_cursors.TryGetValue(sent.Log.Scope, out var current) && ReferenceEquals(current, sent))
            {
                _cursors[sent.Log.Scope] = sent with { SentUpTo = upTo };
            }
        }
    }

    public sealed record Cursor(ScopeLog Log, long SentUpTo);
}
