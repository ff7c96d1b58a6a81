namespace LiveGrid.Runtime.Reminders;

/// <summary>One grain's view of the reminder service.</summary>
internal sealed class GrainReminderRegistry(ReminderService service, GrainId grainId) : IReminderRegistry
{
    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        service.RegisterOrUpdateAsync(grainId, reminderName, dueTime, period);

    public Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return service.UnregisterAsync(grainId, reminder.ReminderName);
    }

    public Task<IGrainReminder?> GetReminder(string reminderName) => Task.FromResult(service.Get(grainId, reminderName));

    public Task<IReadOnlyList<IGrainReminder>> GetReminders() => Task.FromResult(service.GetAll(grainId));
}
