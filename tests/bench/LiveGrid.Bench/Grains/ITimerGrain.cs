using LiveGrid.Runtime;

namespace LiveGrid.Bench.Grains;

/// <summary>Arms grain timers on request, for the timer-heap benchmarks.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Does nothing; the first call activates the grain.</summary>
    Task Touch();

    /// <summary>Arms <paramref name="count"/> periodic timers that will not fire during the run.</summary>
    Task ArmPeriodic(int count, TimeSpan dueTime, TimeSpan period);

    /// <summary>
    /// Replaces this grain's timers with <paramref name="count"/> one-shot timers, numbered from
    /// <paramref name="firstIndex"/>, whose due times spread over the window (see <see cref="FiringWindow"/>).
    /// Returns how many were already due when armed.
    /// </summary>
    Task<int> ArmOneShots(int firstIndex, int count, FiringWindow window);
}
