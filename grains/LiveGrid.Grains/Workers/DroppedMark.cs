namespace LiveGrid.Grains.Workers;

/// <summary>The last revision (or version) seen of something that left a worker, and when it left in drop order.</summary>
public sealed record DroppedMark(long Mark, long Order);
