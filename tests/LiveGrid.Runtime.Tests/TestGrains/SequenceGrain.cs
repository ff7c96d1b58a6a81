using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class SequenceGrain(GrainProbe probe) : Grain, ISequenceGrain
{
    private readonly List<int> _log = [];

    private string Key => this.GetPrimaryKeyString();

    public async Task Append(int number, string? gate)
    {
        _log.Add(number);
        probe.Events.Add($"append-start:{Key}:{number}");
        if (gate is not null)
        {
            await probe.Gate(gate).Task;
        }

        probe.Events.Add($"append-end:{Key}:{number}");
    }

    public Task<IReadOnlyList<int>> GetLog() => Task.FromResult<IReadOnlyList<int>>([.. _log]);

    public async Task Work(int awaits)
    {
        // The count spans the awaits: for a non-reentrant grain a whole call is one turn.
        using (probe.Section($"call:{Key}").Enter())
        {
            for (var i = 0; i < awaits; i++)
            {
                await Task.Yield();
            }
        }
    }
}
