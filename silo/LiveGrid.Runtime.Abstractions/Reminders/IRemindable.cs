namespace LiveGrid.Runtime.Reminders;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
