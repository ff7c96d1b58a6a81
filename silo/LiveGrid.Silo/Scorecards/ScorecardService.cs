using LiveGrid.Grains.City;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;
using LiveGrid.Runtime;

namespace LiveGrid.Silo.Scorecards;

/// <summary>Loads a period's tickets and patrols and scores the grid staff on the configured scorecard.</summary>
public sealed class ScorecardService(IGrainFactory grains, CityModel city, Scorecard scorecard)
{
    public Scorecard Scorecard => scorecard;

    public async Task<ScorecardReport> ComputeAsync(DateOnly from, DateOnly to, KpiScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var tickets = await KpiSource.LoadAsync(grains, from, to, cancellationToken: cancellationToken);
        // A worker patrols their own grid: read that grid's patrols, not the city's.
        var patrolScope = scope.Kind == KpiScopeKind.Worker && city.Territory.FindWorker(scope.Value) is { } worker
            ? new KpiScope(KpiScopeKind.Area, worker.GridCode)
            : scope;
        var patrols = await KpiSource.LoadPatrolsAsync(grains, city, from, to, patrolScope, cancellationToken: cancellationToken);
        return ScorecardEngine.Compute(scorecard, city.TimeZone, city.Territory, from, to, scope, tickets, patrols);
    }
}
