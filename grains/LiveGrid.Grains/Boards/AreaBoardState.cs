namespace LiveGrid.Grains.Boards;

/// <summary>
/// What an area board persists: only its activation count (the high half of its versions). The children's boards
/// are asked for again on activation.
/// </summary>
public sealed record AreaBoardState
{
    public long Epoch { get; init; }
}
