using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private readonly GrainProbe _probe;
    private readonly Dictionary<string, IGrainTimer> _timers = [];
    private readonly Dictionary<string, int> _ticks = [];
    private readonly HashSet<string> _running = [];
    private bool _callInFlight;

    public TimerGrain(GrainProbe probe)
    {
        _probe = probe;
        _probe.Events.Add($"ctor:{Key}");
    }

    private string Key => this.GetPrimaryKeyString();

    private OverlapDetector Section => _probe.Section($"sync:{Key}");

    public Task StartTimer(string name, TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive, bool holdEachTick)
    {
        _ticks[name] = 0;
        _timers[name] = RegisterGrainTimer(
            (timerName, ct) => OnTick(timerName, holdEachTick),
            name,
            new GrainTimerCreationOptions(dueTime, period, interleave, keepAlive));
        return Task.CompletedTask;
    }

    public Task StopTimer(string name)
    {
        _timers[name].Dispose();
        return Task.CompletedTask;
    }

    public Task ChangeTimer(string name, TimeSpan dueTime, TimeSpan period)
    {
        _timers[name].Change(dueTime, period);
        return Task.CompletedTask;
    }

    public async Task Hold(string gate)
    {
        using (Section.Enter())
        {
            _callInFlight = true;
            _probe.Events.Add($"hold-start:{Key}");
        }

        await _probe.Gate(gate).Task;
        using (Section.Enter())
        {
            _probe.Events.Add($"hold-end:{Key}");
            _callInFlight = false;
        }
    }

    public Task<string> Ping()
    {
        using (Section.Enter())
        {
            _probe.Events.Add($"ping:{Key}");
        }

        return Task.FromResult(Key);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Record(new DeactivationRecord(GrainId, reason, TimeProvider.GetUtcNow()));
        _probe.Events.Add($"deactivate:{Key}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    private async Task OnTick(string name, bool hold)
    {
        var number = ++_ticks[name];
        var overlapping = !_running.Add(name);
        try
        {
            using (Section.Enter())
            {
                // Record before logging: a test woken by the log entry finds the record in place.
                _probe.Record(new TickRecord(Key, name, number, TimeProvider.GetUtcNow(), _callInFlight, overlapping));
                _probe.Events.Add($"tick:{Key}:{name}");
            }

            if (hold)
            {
                await _probe.Gate($"tick:{Key}:{name}:{number}").Task;
                using (Section.Enter())
                {
                    _probe.Events.Add($"tick-end:{Key}:{name}");
                }
            }
        }
        finally
        {
            _running.Remove(name);
        }
    }
}
