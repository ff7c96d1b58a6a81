namespace LiveGrid.Runtime.Reminders;

/// <summary>A handle on a registered reminder.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag, DateTimeOffset? StartAt = null) : IGrainReminder;
