namespace LiveGrid.Silo.Health;

/// <summary>The grain runtime at the moment of the probe. <paramref name="RemindersLoaded"/> is false while the
/// durable reminders could not yet be read from storage (the runtime keeps retrying).</summary>
public sealed record RuntimeHealthResponse(int Activations, bool RemindersLoaded);
