namespace LiveGrid.Bench.Ceilings;

/// <summary>A request of the bare channel ping: a value and the promise the reader answers.</summary>
public sealed class PingRequest(int value, TaskCreationOptions replyOptions)
{
    public int Value { get; } = value;

    public TaskCompletionSource<int> Reply { get; } = new(replyOptions);
}
