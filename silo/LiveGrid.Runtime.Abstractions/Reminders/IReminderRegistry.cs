namespace LiveGrid.Runtime.Reminders;

/// <summary>The reminders of one grain. Each call returns once the change is durable.</summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders();
}
