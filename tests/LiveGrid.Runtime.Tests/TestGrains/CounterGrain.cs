using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>No [GrainType]: its type name comes from the class name ("counter").</summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly IPersistentState<CounterState> _state;
    private readonly GrainProbe _probe;
    private int _valueSeenOnActivation = -1;
    private bool _writeOnDeactivation;

    public CounterGrain([PersistentState("state")] IPersistentState<CounterState> state, GrainProbe probe)
    {
        _state = state;
        _probe = probe;
        _probe.Events.Add($"ctor:{Key}");
    }

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _valueSeenOnActivation = _state.State.Value;
        _probe.Events.Add($"activate:{Key}:{_state.State.Value}:{_state.RecordExists}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writeOnDeactivation)
        {
            await _state.WriteStateAsync(cancellationToken);
        }

        _probe.Record(new DeactivationRecord(GrainId, reason, TimeProvider.GetUtcNow()));
        _probe.Events.Add($"deactivate:{Key}:{reason.ReasonCode}");
    }

    public Task<string> Ping()
    {
        _probe.Events.Add($"ping:{Key}");
        return Task.FromResult(Key);
    }

    public Task<int> GetValue() => Task.FromResult(_state.State.Value);

    public async Task SetValue(int value)
    {
        _state.State.Value = value;
        await _state.WriteStateAsync();
    }

    public Task SetValueToWriteOnDeactivation(int value)
    {
        _state.State.Value = value;
        _writeOnDeactivation = true;
        return Task.CompletedTask;
    }

    public Task<int> GetValueSeenOnActivation() => Task.FromResult(_valueSeenOnActivation);

    public Task<bool> GetRecordExists() => Task.FromResult(_state.RecordExists);

    public Task<string?> GetEtag() => Task.FromResult(_state.Etag);

    public Task ClearState() => _state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveFor(TimeSpan timeSpan)
    {
        DelayDeactivation(timeSpan);
        return Task.CompletedTask;
    }

    public async Task Hold(string gate)
    {
        _probe.Events.Add($"hold-start:{Key}");
        await _probe.Gate(gate).Task;
        _probe.Events.Add($"hold-end:{Key}");
    }
}
