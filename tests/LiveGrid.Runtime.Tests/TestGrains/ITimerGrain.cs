namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>Registers named grain timers whose ticks are reported to the probe.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Registers timer <paramref name="name"/>. With <paramref name="holdEachTick"/>, tick n awaits the probe gate "tick:{key}:{name}:{n}".</summary>
    Task StartTimer(string name, TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive, bool holdEachTick);

    Task StopTimer(string name);

    Task ChangeTimer(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>Marks a call in flight, logs hold-start, awaits the probe gate, logs hold-end.</summary>
    Task Hold(string gate);

    Task<string> Ping();

    Task Deactivate();
}
