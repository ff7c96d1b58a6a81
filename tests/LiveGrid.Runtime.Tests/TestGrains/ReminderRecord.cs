using LiveGrid.Runtime.Reminders;

namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>One reminder delivery as the grain saw it, with the runtime clock's time of delivery.</summary>
public sealed record ReminderRecord(string GrainKey, string Reminder, TickStatus Status, DateTimeOffset At);
