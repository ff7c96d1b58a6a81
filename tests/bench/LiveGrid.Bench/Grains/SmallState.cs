namespace LiveGrid.Bench.Grains;

/// <summary>The state of a typical small grain: a counter and a short label.</summary>
public sealed class SmallState
{
    public int Count { get; set; }

    public string? Label { get; set; }
}
