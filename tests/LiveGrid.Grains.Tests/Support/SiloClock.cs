using LiveGrid.Runtime;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>Clock moves that let the runtime's periodic work (idle collection) keep up.</summary>
public static class SiloClock
{
    /// <summary>
    /// Moves the clock in one-minute steps, each after some timer is armed within it, so the collector's periodic
    /// sweep runs at every step (one jump would fire it once), until <paramref name="grain"/> has been collected.
    /// </summary>
    public static async Task CollectAsync(this TestSilo silo, IGrain grain)
    {
        var id = grain.GetGrainId();
        var step = TimeSpan.FromMinutes(1);
        for (var i = 0; i < 30 && silo.Runtime.IsActive(id); i++)
        {
            await silo.Time.WaitForTimerDueByAsync(silo.Time.GetUtcNow() + step).WaitAsync(Eventually.Timeout);
            silo.Time.Advance(step);
        }

        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(id), $"{id} is collected");
    }
}
