using System.Reflection;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveGrid.Storage.Tests.Hosting;

/// <summary>
/// Just enough of a runtime builder to test storage registration on its own: the memory defaults
/// registered the way AddGrainRuntime does (TryAdd), which a storage extension must replace.
/// </summary>
internal sealed class TestRuntimeBuilder : IGrainRuntimeBuilder
{
    public TestRuntimeBuilder()
    {
        Services.TryAddSingleton<IGrainStorage, MemoryGrainStorage>();
        Services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
    }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IGrainRuntimeBuilder AddGrains(Assembly assembly) => throw new NotSupportedException("Storage tests host no grains.");
}
