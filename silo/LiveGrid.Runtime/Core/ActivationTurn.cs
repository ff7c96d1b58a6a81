namespace LiveGrid.Runtime.Core;

/// <summary>The first turn: construct the grain, read its persistent state, run OnActivateAsync.</summary>
internal sealed class ActivationTurn : TurnItem
{
    internal override bool Interleave => false;

    internal override Task Execute(ActivationData activation) => activation.ActivateAsync();

    internal override void Complete(ActivationData activation, Task? turn) => activation.OnActivated(turn!);

    internal override void Reject(Exception reason)
    {
    }
}
