namespace LiveGrid.Grains.Tests.Properties;

/// <summary>How many actions of each kind a randomized run tried and how they ended, for the failure message and the log.</summary>
internal sealed class ActionTally
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Total { get; private set; }

    public void Add(string what)
    {
        lock (_lock)
        {
            _counts[what] = _counts.GetValueOrDefault(what) + 1;
            Total++;
        }
    }

    public int this[string what]
    {
        get
        {
            lock (_lock)
            {
                return _counts.GetValueOrDefault(what);
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return $"{Total} actions: " + string.Join(", ", _counts.Select(pair => $"{pair.Key} {pair.Value}"));
        }
    }
}
