namespace LiveGrid.Silo.Tests.Faults;

/// <summary>One GET /healthz during a drill: when (since the load began), the status code (null: no answer) and how long it took.</summary>
internal sealed record HealthSample(TimeSpan At, int? Status, TimeSpan Elapsed);
