namespace LiveGrid.Runtime.Reminders;

public interface IGrainReminder
{
    string ReminderName { get; }
}
