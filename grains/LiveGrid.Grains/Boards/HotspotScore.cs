namespace LiveGrid.Grains.Boards;

/// <summary>
/// An exponentially decayed rate of new tickets and patrol findings: each adds 1, and the sum halves every
/// <c>halfLife</c>. Stored with the instant it was last brought up to date, so it can be read (decayed) at any later
/// instant and scores of different grids can be summed.
/// </summary>
public sealed record HotspotScore(double Value, DateTimeOffset AsOf)
{
    public static HotspotScore Zero(DateTimeOffset at) => new(0, at);

    /// <summary>The score decayed to <paramref name="at"/> (never grows without a new event).</summary>
    public double ValueAt(DateTimeOffset at, TimeSpan halfLife)
    {
        var elapsed = at - AsOf;
        return elapsed <= TimeSpan.Zero || Value == 0
            ? Value
            : Value * Math.Pow(0.5, elapsed / halfLife);
    }

    /// <summary>The score after one more event at <paramref name="at"/>.</summary>
    public HotspotScore Bump(DateTimeOffset at, TimeSpan halfLife, double weight = 1) =>
        at < AsOf ? this with { Value = Value + (weight * Math.Pow(0.5, (AsOf - at) / halfLife)) } : new(ValueAt(at, halfLife) + weight, at);
}
