using LiveGrid.Grains.City;
using LiveGrid.Silo.Api.Meta;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>What the city is configured with: categories and their routing, the SLA table, the business calendar.</summary>
public static class MetaEndpoints
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static IEndpointRouteBuilder MapMetaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var meta = endpoints.MapGroup("/api/meta").WithTags("Meta");
        meta.MapGet("/categories", GetCategories).WithName("GetCategories");
        meta.MapGet("/sla-rules", GetSlaRules).WithName("GetSlaRules");
        meta.MapGet("/calendar", GetCalendar).WithName("GetCalendar");
        return endpoints;
    }

    public static Ok<IReadOnlyList<CategoryDefinition>> GetCategories([FromServices] CityModel city) => TypedResults.Ok(city.Categories);

    public static Ok<SlaRuleResponse[]> GetSlaRules([FromServices] CityModel city) =>
        TypedResults.Ok(city.Sla.Rules.Select(SlaRuleResponse.From).ToArray());

    public static Results<Ok<CalendarResponse>, ValidationProblem> GetCalendar(
        [FromServices] CityModel city, [FromServices] TimeProvider time, int? year = null)
    {
        var wanted = year ?? city.LocalDate(time.GetUtcNow()).Year;
        if (wanted is < MinYear or > MaxYear)
        {
            return ApiProblems.Validation("year", $"the year is {MinYear} to {MaxYear}");
        }

        var calendar = city.Calendar;
        var days = new List<CalendarDayResponse>(366);
        for (var date = new DateOnly(wanted, 1, 1); date.Year == wanted; date = date.AddDays(1))
        {
            days.Add(new CalendarDayResponse(date, calendar.IsWorkingDay(date), calendar.HolidayOn(date), calendar.MakeUpWorkingDayFor(date)));
        }

        return TypedResults.Ok(new CalendarResponse(
            wanted,
            calendar.TimeZone.Id,
            calendar.HasDataFor(wanted),
            calendar.WorkingPeriods.Select(period => period.ToString()).ToArray(),
            calendar.WeekendDays,
            days.Count(day => day.IsWorkingDay),
            days));
    }
}
