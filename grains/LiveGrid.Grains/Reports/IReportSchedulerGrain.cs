using LiveGrid.Runtime;

namespace LiveGrid.Grains.Reports;

/// <summary>Makes the due reports every day at the configured local time (a durable daily reminder). One per city (key "city").</summary>
public interface IReportSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Arms the daily reminder at the generator's local time (idempotent; it does not make reports itself).</summary>
    Task Start();

    /// <summary>Makes the reports due on <paramref name="localDate"/>; returns their names.</summary>
    Task<IReadOnlyList<string>> RunDay(DateOnly localDate);
}
