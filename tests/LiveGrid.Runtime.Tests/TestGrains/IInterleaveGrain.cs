namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>A non-reentrant grain with read-only methods marked [AlwaysInterleave].</summary>
public interface IInterleaveGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<string> Status();

    /// <summary>Rounds of (synchronous section, await), interleaving with everything.</summary>
    [AlwaysInterleave]
    Task Peek(int rounds);

    /// <summary>Rounds of (synchronous section, await), as an ordinary call.</summary>
    Task Work(int rounds);

    Task Hold(string gate);

    Task Touch();

    Task<int> GetUnsynchronisedCount();
}
