using LiveGrid.Grains.City;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Reminders;

namespace LiveGrid.Grains.Reports;

/// <summary>
/// 一日一小结, 一周一研判, 一月一通报, 一季度一考核: a durable daily reminder at the configured local time asks the
/// <see cref="IReportGenerator"/> for the day's due reports. It keeps no state of its own: the reports' create-only
/// names make a repeated tick (after downtime, a retried call) harmless. Calls only the generator; nothing calls back.
/// </summary>
public sealed class ReportSchedulerGrain(CityModel city, IReportGenerator generator) : Grain, IReportSchedulerGrain, IRemindable
{
    public const string DailyReminder = "daily-reports";

    public async Task Start()
    {
        if (await GetReminder(DailyReminder) is not null)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        var today = city.LocalDate(now);
        var next = Local(today, generator.DailyAt);
        if (next <= now)
        {
            next = Local(today.AddDays(1), generator.DailyAt);
        }

        await RegisterOrUpdateReminder(DailyReminder, next - now, TimeSpan.FromDays(1));
    }

    public Task<IReadOnlyList<string>> RunDay(DateOnly localDate) => generator.GenerateDueAsync(localDate);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DailyReminder)
        {
            // The local day of now, not of the tick: after downtime, the reports due today are the ones to make.
            await RunDay(city.LocalDate(TimeProvider.GetUtcNow()));
        }
    }

    private DateTimeOffset Local(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), city.TimeZone), TimeSpan.Zero);
}
