using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>Calls interleave at awaits; synchronous stretches are measured for overlap.</summary>
[Reentrant]
public sealed class ReentrantGrain(GrainProbe probe) : Grain, IReentrantGrain
{
    private int _count;

    private string Key => this.GetPrimaryKeyString();

    private OverlapDetector Section => probe.Section($"sync:{Key}");

    public async Task Hold(string gate)
    {
        using (Section.Enter())
        {
            probe.Events.Add($"hold-start:{Key}");
        }

        await probe.Gate(gate).Task;
        using (Section.Enter())
        {
            probe.Events.Add($"hold-end:{Key}");
        }
    }

    public Task<string> Quick()
    {
        using (Section.Enter())
        {
            probe.Events.Add($"quick:{Key}");
        }

        return Task.FromResult(Key);
    }

    public async Task Churn(int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            using (Section.Enter())
            {
                var read = _count;
                Thread.SpinWait(50);
                _count = read + 1;
            }

            await Task.Yield();
        }
    }

    public Task<int> GetUnsynchronisedCount() => Task.FromResult(_count);
}
