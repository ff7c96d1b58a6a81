namespace LiveGrid.Runtime.Reminders;

/// <summary>
/// The reminders this host has scheduled, indexed by grain so that one grain's reminders are found without
/// looking at all of them (a city can have a reminder per open ticket). Changes are rare next to grain calls,
/// so one lock guards it.
/// </summary>
internal sealed class ReminderSchedule
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, Dictionary<string, ReminderTicker>> _byGrain = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public ReminderTicker? Find(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            return _byGrain.TryGetValue(grainId, out var byName) && byName.TryGetValue(reminderName, out var ticker) ? ticker : null;
        }
    }

    public bool IsCurrent(ReminderTicker ticker) => ReferenceEquals(Find(ticker.Entry.GrainId, ticker.Entry.ReminderName), ticker);

    /// <summary>Makes <paramref name="ticker"/> the schedule of its reminder; returns the one it replaces, if any.</summary>
    public ReminderTicker? Replace(ReminderTicker ticker)
    {
        var entry = ticker.Entry;
        lock (_lock)
        {
            if (!_byGrain.TryGetValue(entry.GrainId, out var byName))
            {
                _byGrain[entry.GrainId] = byName = new Dictionary<string, ReminderTicker>(StringComparer.Ordinal);
            }

            byName.TryGetValue(entry.ReminderName, out var replaced);
            byName[entry.ReminderName] = ticker;
            if (replaced is null)
            {
                _count++;
            }

            return replaced;
        }
    }

    /// <summary>Removes <paramref name="ticker"/> if it is still its reminder's schedule (not replaced since).</summary>
    public bool Remove(ReminderTicker ticker)
    {
        var entry = ticker.Entry;
        lock (_lock)
        {
            if (!_byGrain.TryGetValue(entry.GrainId, out var byName)
                || !byName.TryGetValue(entry.ReminderName, out var current)
                || !ReferenceEquals(current, ticker))
            {
                return false;
            }

            byName.Remove(entry.ReminderName);
            if (byName.Count == 0)
            {
                _byGrain.Remove(entry.GrainId);
            }

            _count--;
            return true;
        }
    }

    public IReadOnlyList<ReminderTicker> ForGrain(GrainId grainId)
    {
        lock (_lock)
        {
            return _byGrain.TryGetValue(grainId, out var byName) ? [.. byName.Values] : [];
        }
    }

    public IReadOnlyList<ReminderTicker> All()
    {
        lock (_lock)
        {
            return [.. _byGrain.Values.SelectMany(byName => byName.Values)];
        }
    }
}
