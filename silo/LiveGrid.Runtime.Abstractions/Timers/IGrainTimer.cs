namespace LiveGrid.Runtime.Timers;

/// <summary>A grain timer. Dispose to stop it; a callback already running completes.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer. <see cref="Timeout.InfiniteTimeSpan"/> as the period makes it fire once.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
