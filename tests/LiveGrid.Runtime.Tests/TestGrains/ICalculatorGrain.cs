namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>Every return shape a grain interface may use.</summary>
public interface ICalculatorGrain : IGrainWithStringKey
{
    /// <summary>Doubles <paramref name="x"/>, first awaiting the probe gate <paramref name="gate"/> if given.</summary>
    Task<int> Double(int x, string? gate);

    ValueTask<int> Square(int x);

    ValueTask Touch();

    Task<int> GetTouches();

    Task<Computation> Compute(Computation request);
}
