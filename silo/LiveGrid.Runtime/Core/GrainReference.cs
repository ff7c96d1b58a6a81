using System.Reflection;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// The object behind every grain reference: <see cref="DispatchProxy"/> implements the grain interface
/// and routes each method here, which turns it into a request to the grain's activation.
/// Two references to the same grain are equal.
/// </summary>
public class GrainReference : DispatchProxy, IGrainReference
{
    private GrainRuntimeCore? _runtime;
    private GrainClassInfo? _grainClass;

    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainRuntimeCore runtime, GrainId grainId, GrainClassInfo grainClass)
    {
        _runtime = runtime;
        GrainId = grainId;
        _grainClass = grainClass;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return MethodDispatcher.For(targetMethod).Send(_runtime!, GrainId, _grainClass!, args ?? []);
    }

    public override bool Equals(object? obj) => obj is IGrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference({GrainId})";
}
