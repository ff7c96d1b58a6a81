namespace LiveGrid.Grains.Sla;

/// <summary>
/// A stretch during which the clock stood still (停止计时 → 恢复计时), e.g. while waiting on the citizen.
/// <see cref="End"/> is null while the suspension is still open.
/// </summary>
public readonly record struct SlaSuspension(DateTimeOffset Start, DateTimeOffset? End = null)
{
    public bool IsOpen => End is null;
}
