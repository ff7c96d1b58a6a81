namespace LiveGrid.Bench.Grains;

/// <summary>State written over and over by the storage benchmark: a sequence number and a fixed-size payload.</summary>
public sealed class WriterState
{
    public long Sequence { get; set; }

    public string Payload { get; set; } = string.Empty;
}
