using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Runtime.Hosting;

/// <summary>Configures the grain runtime: which grains it hosts and where their state lives.</summary>
public interface IGrainRuntimeBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Registers every concrete <see cref="Grain"/> class in <paramref name="assembly"/> under the grain interfaces it implements.</summary>
    IGrainRuntimeBuilder AddGrains(Assembly assembly);
}
