namespace LiveGrid.Grains.Boards;

/// <summary>
/// A board's version: the activation epoch (persisted, one write per activation) in the high 32 bits and the changes
/// made in this activation in the low 32, so a board that was deactivated and reactivated still reports versions
/// above everything its parent kept, without writing state on every change.
/// </summary>
public static class BoardVersion
{
    public static long Of(long epoch, long change) => (epoch << 32) | (change & uint.MaxValue);
}
