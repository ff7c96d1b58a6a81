using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>One grain store and reminder table kept across test silos, so a test can stop the host and start another.</summary>
public sealed class SharedStores
{
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryReminderTable _reminders = new();

    /// <summary>A test city silo at <paramref name="start"/> over these stores.</summary>
    public Task<TestSilo> StartSiloAsync(DateTimeOffset start) =>
        TestCity.StartSiloAsync(start, options =>
        {
            var city = options.ConfigureServices;
            options.ConfigureServices = services =>
            {
                city?.Invoke(services);
                services.AddSingleton<IGrainStorage>(_storage);
                services.AddSingleton<IReminderTable>(_reminders);
            };
        });
}
