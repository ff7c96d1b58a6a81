namespace LiveGrid.Runtime.Tests.TestGrains;

public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Logs hold-start, awaits the probe gate, logs hold-end.</summary>
    Task Hold(string gate);

    Task<string> Quick();

    /// <summary>Rounds of (synchronous section, await) that interleave with other calls.</summary>
    Task Churn(int rounds);

    /// <summary>A counter incremented without synchronisation by <see cref="Churn"/>: lost updates show parallel execution.</summary>
    Task<int> GetUnsynchronisedCount();
}
