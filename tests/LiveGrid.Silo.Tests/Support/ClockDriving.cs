using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// Waits for something the grains do on their own timers (board reports gathered for the report delay, outbox
/// deliveries): between looks, advances the manual clock by the report delay while a timer is due within it.
/// </summary>
internal static class ClockDriving
{
    public static Task UntilAsync(this ApiSilo silo, Func<Task<bool>> condition, string what) =>
        Eventually.UntilAsync(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                var delay = silo.City.Policies.BoardReportDelay;
                if (silo.Time.ArmedTimers.Any(timer => timer.Due <= silo.Time.GetUtcNow() + delay))
                {
                    silo.Time.Advance(delay);
                }

                return false;
            },
            what);
}
