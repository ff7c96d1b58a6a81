using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Runtime.Hosting;

internal sealed class GrainRuntimeBuilder(IServiceCollection services) : IGrainRuntimeBuilder
{
    public IServiceCollection Services { get; } = services;

    public IGrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }
}
