using System.Globalization;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Problems;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Scorecards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>
/// The grid staff's 千分制 scorecard (domain brief §5) for a period and scope: each worker's points per item and total,
/// and the mean per street, community and grid. Like /api/kpis, it reads every ticket of the period: a report.
/// </summary>
public static class ScorecardEndpoints
{
    public static IEndpointRouteBuilder MapScorecardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/kpis/scorecard", GetScorecardAsync).WithName("GetScorecard").WithTags("Reports")
            .WithSummary("千分制 scorecard for a period (2026-Q4, 2026-11, 2026-W48, 2026-11-23, or from/to) and a scope: city, a territory code or worker:{id}");
        return endpoints;
    }

    public static async Task<Results<Ok<ScorecardReport>, ValidationProblem>> GetScorecardAsync(
        [FromQuery] string? period, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? scope,
        [FromServices] ScorecardService scorecards, [FromServices] CityModel city, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var days = ParsePeriod(period, from, to, errors);
        var parsed = KpiEndpoints.ParseScope(scope, city, errors);
        if (parsed is { Kind: KpiScopeKind.Unit })
        {
            errors.Add("scope", "The scorecard scores grid workers: the scope is 'city', a territory code or 'worker:{id}', not a unit.");
        }

        if (errors.Any || days is null || parsed is null)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Ok(await scorecards.ComputeAsync(days.Value.From, days.Value.To, parsed, cancellationToken));
    }

    private static (DateOnly From, DateOnly To)? ParsePeriod(string? period, string? from, string? to, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(period))
        {
            foreach (var kind in new[] { ReportKind.Quarterly, ReportKind.Monthly, ReportKind.Weekly, ReportKind.Daily })
            {
                if (ReportPeriod.TryParse(kind, period, out var named))
                {
                    return (named.From, named.To);
                }
            }

            errors.Add("period", $"'{period}' is not a period: a quarter yyyy-Qn, a month yyyy-MM, an ISO week yyyy-Www or a day yyyy-MM-dd.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            errors.Add("period", "Give a period (2026-Q4, 2026-11, 2026-W48, 2026-11-23) or 'from' and 'to' (yyyy-MM-dd, [from, to)).");
            return null;
        }

        var ok = DateOnly.TryParseExact(from?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        if (!ok)
        {
            errors.Add("from", "'from' must be a local date yyyy-MM-dd.");
        }

        if (!DateOnly.TryParseExact(to?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            errors.Add("to", "'to' must be a local date yyyy-MM-dd.");
            return null;
        }

        if (!ok)
        {
            return null;
        }

        if (end < start || end.DayNumber - start.DayNumber > KpiEndpoints.MaxDays)
        {
            errors.Add("to", $"'to' must not come before 'from' and the period may span at most {KpiEndpoints.MaxDays} days; the period is [from, to).");
            return null;
        }

        return (start, end);
    }
}
