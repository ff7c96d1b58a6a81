namespace LiveGrid.Runtime.Core;

/// <summary>The last turn: OnDeactivateAsync, after every running turn has finished.</summary>
internal sealed class DeactivationTurn : TurnItem
{
    internal override bool Interleave => false;

    internal override Task Execute(ActivationData activation) => activation.DeactivateAsync();

    internal override void Complete(ActivationData activation, Task? turn) => activation.OnDeactivated(turn!);

    internal override void Reject(Exception reason)
    {
    }
}
