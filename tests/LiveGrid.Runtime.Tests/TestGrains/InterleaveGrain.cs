using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class InterleaveGrain(GrainProbe probe) : Grain, IInterleaveGrain
{
    private int _count;

    private string Key => this.GetPrimaryKeyString();

    private OverlapDetector Section => probe.Section($"sync:{Key}");

    public Task<string> Status()
    {
        using (Section.Enter())
        {
            probe.Events.Add($"status:{Key}");
        }

        return Task.FromResult("ok");
    }

    public Task Peek(int rounds) => Rounds(rounds);

    public Task Work(int rounds) => Rounds(rounds);

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

    public Task Touch()
    {
        using (Section.Enter())
        {
            probe.Events.Add($"touch:{Key}");
        }

        return Task.CompletedTask;
    }

    public Task<int> GetUnsynchronisedCount() => Task.FromResult(_count);

    private async Task Rounds(int rounds)
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
}
