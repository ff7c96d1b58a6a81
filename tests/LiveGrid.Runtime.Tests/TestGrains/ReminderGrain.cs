using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.Tests.Support;

namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>Its type name comes from [GrainType], not from the class name.</summary>
[GrainType("test-reminder")]
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    private readonly GrainProbe _probe;

    public ReminderGrain(GrainProbe probe)
    {
        _probe = probe;
        _probe.Events.Add($"ctor:{Key}");
    }

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _probe.Events.Add($"activate:{Key}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Events.Add($"deactivate:{Key}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<bool> Unregister(string name)
    {
        var reminder = await GetReminder(name);
        if (reminder is null)
        {
            return false;
        }

        await UnregisterReminder(reminder);
        return true;
    }

    public async Task<IReadOnlyList<string>> GetReminderNames() => [.. (await GetReminders()).Select(r => r.ReminderName).Order()];

    public Task<string> Ping() => Task.FromResult(Key);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _probe.Record(new ReminderRecord(Key, reminderName, status, TimeProvider.GetUtcNow()));
        _probe.Events.Add($"reminder:{Key}:{reminderName}");
        return Task.CompletedTask;
    }
}
