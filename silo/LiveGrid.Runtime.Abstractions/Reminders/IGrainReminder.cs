namespace LiveGrid.Runtime.Reminders;

public interface IGrainReminder
{
    string ReminderName { get; }

    /// <summary>When the reminder first fires (its registered start; a one-shot reminder's due time), when known.</summary>
    DateTimeOffset? StartAt => null;
}
