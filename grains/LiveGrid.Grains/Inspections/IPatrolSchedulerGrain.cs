using LiveGrid.Runtime;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// Schedules every grid's patrols for each local day from the patrol policy's shifts (a durable daily reminder), so
/// the city's patrol windows exist before they open. One per city (key "city").
/// </summary>
public interface IPatrolSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Starts the daily reminder (idempotent) and schedules today's patrols if not yet done.</summary>
    Task Start();

    /// <summary>Schedules the patrols of one local date for every grid; returns how many inspections were created.</summary>
    Task<int> ScheduleDay(DateOnly localDate);

    /// <summary>Whether the daily reminder runs and which days were scheduled.</summary>
    Task<PatrolSchedulerStatus> GetStatus();
}
