namespace LiveGrid.Runtime.Tests.TestGrains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>Unregisters <paramref name="name"/>; false if the grain had no such reminder.</summary>
    Task<bool> Unregister(string name);

    Task<IReadOnlyList<string>> GetReminderNames();

    Task<string> Ping();

    Task Deactivate();
}
