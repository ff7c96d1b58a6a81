using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class RelayGrain(GrainProbe probe) : Grain, IRelayGrain
{
    private string Key => this.GetPrimaryKeyString();

    private OverlapDetector Section => probe.Section($"sync:{Key}");

    public async Task<RelayOutcome> RelayDouble(string calculatorKey, int x, string? calculatorGate)
    {
        SynchronizationContext? contextBefore;
        TaskScheduler schedulerBefore;
        using (Section.Enter())
        {
            contextBefore = SynchronizationContext.Current;
            schedulerBefore = TaskScheduler.Current;
            probe.Events.Add($"relay-start:{Key}");
        }

        var result = await GrainFactory.GetGrain<ICalculatorGrain>(calculatorKey).Double(x, calculatorGate);

        using (Section.Enter())
        {
            probe.Events.Add($"relay-end:{Key}");
            return new RelayOutcome(result, ReferenceEquals(contextBefore, SynchronizationContext.Current), ReferenceEquals(schedulerBefore, TaskScheduler.Current));
        }
    }

    public Task Ping()
    {
        using (Section.Enter())
        {
            probe.Events.Add($"relay-ping:{Key}");
        }

        return Task.CompletedTask;
    }
}
