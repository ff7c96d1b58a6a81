namespace LiveGrid.Testing;

/// <summary>
/// An append-only, thread-safe record of what code under test did ("activate:a", "tick:3"), which tests
/// wait on instead of sleeping: <see cref="WaitForAsync(Func{IReadOnlyList{string}, bool}, string, TimeSpan?)"/>
/// completes the moment an appended entry makes its condition true.
/// </summary>
public sealed class EventLog
{
    private readonly Lock _lock = new();
    private readonly List<string> _entries = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        List<Waiter>? satisfied = null;
        lock (_lock)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_entries))
                {
                    (satisfied ??= []).Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        satisfied?.ForEach(w => w.Completion.TrySetResult());
    }

    public int Count(string entry)
    {
        lock (_lock)
        {
            return _entries.Count(e => e == entry);
        }
    }

    public int CountStartingWith(string prefix)
    {
        lock (_lock)
        {
            return _entries.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    public bool Contains(string entry) => Count(entry) > 0;

    /// <summary>Entries that start with <paramref name="prefix"/>, in order.</summary>
    public IReadOnlyList<string> StartingWith(string prefix)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    /// <summary>Completes once <paramref name="condition"/> holds over the entries; fails after <paramref name="timeout"/> of real time.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<string>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var waiter = new Waiter(condition);
        lock (_lock)
        {
            if (condition(_entries))
            {
                return;
            }

            _waiters.Add(waiter);
        }

        var limit = timeout ?? Eventually.Timeout;
        try
        {
            await waiter.Completion.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for: {what}. Log so far: [{string.Join(", ", Entries)}]");
        }
    }

    /// <summary>Completes once <paramref name="entry"/> has been added at least <paramref name="times"/> times.</summary>
    public Task WaitForAsync(string entry, int times = 1, TimeSpan? timeout = null) =>
        WaitForAsync(entries => entries.Count(e => e == entry) >= times, $"'{entry}' x{times}", timeout);

    /// <summary>Completes once entries starting with <paramref name="prefix"/> have been added at least <paramref name="times"/> times.</summary>
    public Task WaitForPrefixAsync(string prefix, int times = 1, TimeSpan? timeout = null) =>
        WaitForAsync(entries => entries.Count(e => e.StartsWith(prefix, StringComparison.Ordinal)) >= times, $"'{prefix}*' x{times}", timeout);

    public override string ToString() => string.Join(", ", Entries);

    private sealed class Waiter(Func<IReadOnlyList<string>, bool> condition)
    {
        public Func<IReadOnlyList<string>, bool> Condition { get; } = condition;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
