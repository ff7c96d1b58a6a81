using System.Diagnostics;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Bench.Grains;

/// <summary>Keeps its timers' handles (as a real grain would, to stop them) and nothing else.</summary>
public sealed class TimerGrain(TimerFiringLog log) : Grain, ITimerGrain
{
    private static readonly Func<OneShotTicket, CancellationToken, Task> OnOneShot = static (ticket, _) =>
    {
        ticket.Log.Record(ticket.DueTimestamp);
        return Task.CompletedTask;
    };

    private static readonly Func<TimerGrain, CancellationToken, Task> OnPeriodic = static (_, _) => Task.CompletedTask;

    private IGrainTimer[]? _timers;

    public Task Touch() => Task.CompletedTask;

    public Task ArmPeriodic(int count, TimeSpan dueTime, TimeSpan period)
    {
        StopTimers();
        var timers = new IGrainTimer[count];
        for (var i = 0; i < count; i++)
        {
            timers[i] = RegisterGrainTimer(OnPeriodic, this, dueTime, period);
        }

        _timers = timers;
        return Task.CompletedTask;
    }

    public Task<int> ArmOneShots(int firstIndex, int count, FiringWindow window)
    {
        StopTimers();
        var timers = new IGrainTimer[count];
        var late = 0;
        for (var i = 0; i < count; i++)
        {
            var due = window.DueTimestamp(firstIndex + i);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait < 0)
            {
                late++;
                wait = 0;
            }

            timers[i] = RegisterGrainTimer(OnOneShot, new OneShotTicket(log, due), FiringWindow.ToTimeSpan(wait), Timeout.InfiniteTimeSpan);
        }

        _timers = timers;
        return Task.FromResult(late);
    }

    private void StopTimers()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers = null;
    }
}
