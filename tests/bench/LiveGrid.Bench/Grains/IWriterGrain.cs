using LiveGrid.Runtime;

namespace LiveGrid.Bench.Grains;

/// <summary>Writes its persistent state in a loop inside one turn, so the figure is storage, not call overhead.</summary>
public interface IWriterGrain : IGrainWithStringKey
{
    /// <summary>Writes until <paramref name="stopTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); returns how many writes completed.</summary>
    Task<int> WriteUntil(long stopTimestamp, string payload);
}
