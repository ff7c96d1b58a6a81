namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>The persistent state of <see cref="CounterGrain"/>.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string? Note { get; set; }
}
