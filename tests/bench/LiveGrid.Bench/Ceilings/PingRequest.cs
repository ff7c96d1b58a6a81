namespace LiveGrid.Bench.Ceilings;

/// <summary>A request of the bare channel ping: a value and the promise the reader answers.</summary>
public sealed class PingRequest(int value)
{
    public int Value { get; } = value;

    // Default options, as the kernel's call promises: the caller's continuation runs inline where it is answered.
    public TaskCompletionSource<int> Reply { get; } = new();
}
