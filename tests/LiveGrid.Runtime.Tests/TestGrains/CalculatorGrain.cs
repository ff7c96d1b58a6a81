using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class CalculatorGrain(GrainProbe probe) : Grain, ICalculatorGrain
{
    private int _touches;

    private string Key => this.GetPrimaryKeyString();

    public async Task<int> Double(int x, string? gate)
    {
        probe.Events.Add($"double-start:{Key}");
        if (gate is not null)
        {
            await probe.Gate(gate).Task;
        }

        return 2 * x;
    }

    public async ValueTask<int> Square(int x)
    {
        await Task.Yield();
        return x * x;
    }

    public ValueTask Touch()
    {
        _touches++;
        return ValueTask.CompletedTask;
    }

    public Task<int> GetTouches() => Task.FromResult(_touches);

    public Task<Computation> Compute(Computation request) =>
        Task.FromResult(request with { Output = request.Input * 3, ComputedBy = GrainId.ToString() });
}
