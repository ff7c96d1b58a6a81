using System.Reflection;

namespace LiveGrid.Runtime.Hosting;

/// <summary>An assembly whose grain classes the runtime hosts (registered by <see cref="IGrainRuntimeBuilder.AddGrains"/>).</summary>
public sealed record GrainAssembly(Assembly Assembly);
