namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>A grain with one persistent state that reports its life cycle to the probe.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task<int> GetValue();

    /// <summary>Sets the value and writes the state.</summary>
    Task SetValue(int value);

    /// <summary>Sets the value in memory only; OnDeactivateAsync writes it.</summary>
    Task SetValueToWriteOnDeactivation(int value);

    /// <summary>The state's value as OnActivateAsync saw it (after the runtime read the state).</summary>
    Task<int> GetValueSeenOnActivation();

    Task<bool> GetRecordExists();

    Task<string?> GetEtag();

    Task ClearState();

    Task Deactivate();

    /// <summary>Calls DelayDeactivation.</summary>
    Task KeepAliveFor(TimeSpan timeSpan);

    /// <summary>Awaits the probe gate named <paramref name="gate"/> inside the turn.</summary>
    Task Hold(string gate);
}
