namespace LiveGrid.Runtime;

/// <summary>
/// Hands the activation's context to <see cref="Grain"/>'s constructor while the runtime constructs
/// the grain. Only the runtime sets it, and only for the duration of the constructor call.
/// </summary>
public static class GrainContextAccessor
{
    [ThreadStatic]
    private static IGrainContext? _activating;

    public static IGrainContext? CurrentlyActivating => _activating;

    /// <summary>Used by the runtime around grain construction.</summary>
    public static IDisposable BeginActivation(IGrainContext context)
    {
        var previous = _activating;
        _activating = context;
        return new Scope(previous);
    }

    private sealed class Scope(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => _activating = previous;
    }
}
