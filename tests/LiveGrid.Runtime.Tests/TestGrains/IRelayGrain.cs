namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>Calls another grain from inside its own turn.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    Task<RelayOutcome> RelayDouble(string calculatorKey, int x, string? calculatorGate);

    Task Ping();
}
