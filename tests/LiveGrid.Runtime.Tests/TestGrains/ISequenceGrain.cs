namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>A plain (non-reentrant) grain that logs the order in which calls enter it.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    /// <summary>Logs <paramref name="number"/> on entry, then awaits the probe gate <paramref name="gate"/> if given.</summary>
    Task Append(int number, string? gate);

    Task<IReadOnlyList<int>> GetLog();

    /// <summary>Holds a whole-call concurrency count across <paramref name="awaits"/> awaits.</summary>
    Task Work(int awaits);
}
