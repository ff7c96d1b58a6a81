using System.Globalization;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>
/// The KPI report (domain brief §5) for a period of local days and a scope, computed from the tickets' audit trails.
/// Each call reads every ticket numbered in the period and its look-back, so it is a report, not a live board.
/// </summary>
public static class KpiEndpoints
{
    /// <summary>The longest period one report may cover.</summary>
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/kpis", GetKpisAsync).WithName("GetKpis").WithTags("Reports")
            .WithSummary("KPIs for [from, to) local days and a scope: city, a territory code, unit:{id} or worker:{id}");
        return endpoints;
    }

    public static async Task<Results<Ok<KpiReport>, ValidationProblem>> GetKpisAsync(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? scope,
        [FromServices] IGrainFactory grains, [FromServices] CityModel city, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var start = ParseDate(from, "from", errors);
        var end = ParseDate(to, "to", errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                errors.Add("to", $"'to' ({e:yyyy-MM-dd}) may not come before 'from' ({s:yyyy-MM-dd}); the period is [from, to).");
            }
            else if (e.DayNumber - s.DayNumber > MaxDays)
            {
                errors.Add("to", $"The period may span at most {MaxDays} days; it spans {e.DayNumber - s.DayNumber}.");
            }
        }

        var parsed = ParseScope(scope, city, errors);
        if (errors.Any || start is null || end is null || parsed is null)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Ok(await KpiSource.ReportAsync(grains, city, start.Value, end.Value, parsed, cancellationToken: cancellationToken));
    }

    private static DateOnly? ParseDate(string? text, string field, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{field}' must be a local date yyyy-MM-dd.");
        return null;
    }

    internal static KpiScope? ParseScope(string? text, CityModel city, ValidationErrors errors)
    {
        if (!KpiScope.TryParse(text, out var scope))
        {
            errors.Add("scope", "'scope' must be 'city', a territory code, 'unit:{id}' or 'worker:{id}'.");
            return null;
        }

        var known = scope.Kind switch
        {
            KpiScopeKind.Area => TerritoryCode.TryParse(scope.Value, out var code) && city.Territory.Index.Find(code) is not null,
            KpiScopeKind.Unit => city.Territory.FindUnit(scope.Value) is not null,
            KpiScopeKind.Worker => city.Territory.FindWorker(scope.Value) is not null,
            _ => true,
        };
        if (!known)
        {
            errors.Add("scope", $"There is no {scope.Kind.ToString().ToLowerInvariant()} '{scope.Value}' in the territory.");
            return null;
        }

        return scope;
    }
}
