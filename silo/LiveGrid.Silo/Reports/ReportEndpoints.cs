using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LiveGrid.Silo.Reports;

/// <summary>The stored reports (日报, 周报, 月度通报, 季度考核): list, download, and generate one now.</summary>
public static class ReportEndpoints
{
    /// <summary>Reports hold only text and inline CSS: nothing may run or load.</summary>
    public const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/reports", ListAsync).WithTags("Reports").WithName("ListReports").WithSummary("The stored reports");
        endpoints.MapGet("/api/reports/{kind}/{file}", DownloadAsync).WithTags("Reports").WithName("GetReport")
            .WithSummary("One stored report as {period}.csv or {period}.html");
        endpoints.MapPost("/api/reports/{kind}", GenerateAsync).WithTags("Reports").WithName("GenerateReport")
            .WithSummary("Make the report of a period that is over (daily yyyy-MM-dd, weekly yyyy-Www, monthly yyyy-MM, quarterly yyyy-Qn)");
        return endpoints;
    }

    public static async Task<IResult> ListAsync([FromServices] ReportService reports, CancellationToken cancellationToken)
    {
        var items = (await reports.ListAsync(cancellationToken))
            .Select(b => (Blob: b, Slash: b.Name.IndexOf('/', StringComparison.Ordinal), Dot: b.Name.LastIndexOf('.')))
            .Where(x => x.Slash > 0 && x.Dot > x.Slash)
            .GroupBy(x => (Kind: x.Blob.Name[..x.Slash], Period: x.Blob.Name[(x.Slash + 1)..x.Dot]))
            .Select(g => new ReportListItem(g.Key.Kind, g.Key.Period, [.. g.Select(x => x.Blob.Name[(x.Dot + 1)..]).Order(StringComparer.Ordinal)],
                g.Sum(x => x.Blob.Length), g.Min(x => x.Blob.LastModified)))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenByDescending(r => r.Period, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(items);
    }

    public static async Task<IResult> DownloadAsync(
        string kind, string file, HttpContext context, [FromServices] ReportService reports, [FromServices] LiveGrid.Blobs.IBlobStore blobs,
        CancellationToken cancellationToken)
    {
        var dot = file.LastIndexOf('.');
        if (!TryKind(kind, out var parsed) || dot <= 0 || file[(dot + 1)..] is not ("csv" or "html") || !ReportPeriod.TryParse(parsed, file[..dot], out var period))
        {
            return ApiProblems.NotFound($"report {kind}/{file}");
        }

        var format = file[(dot + 1)..];
        var download = await blobs.GetAsync(ReportService.Container, ReportService.BlobName(period, format), cancellationToken);
        if (download is null)
        {
            return ApiProblems.NotFound($"report {kind}/{file}");
        }

        context.Response.RegisterForDisposeAsync(download);
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var name = $"{parsed.ToString().ToLowerInvariant()}-{period.Name}.{format}";
        if (format == "csv")
        {
            headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{name}\"";
            return TypedResults.Stream(download.Content, ReportService.ContentType("csv"));
        }

        headers[HeaderNames.ContentSecurityPolicy] = HtmlPolicy;
        headers[HeaderNames.ContentDisposition] = $"inline; filename=\"{name}\"";
        return TypedResults.Stream(download.Content, ReportService.ContentType("html"));
    }

    public static async Task<IResult> GenerateAsync(
        string kind, [FromQuery] string? period, [FromServices] ReportService reports, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var parsed))
        {
            return ApiProblems.Validation("kind", $"'{kind}' is not a report kind: daily, weekly, monthly or quarterly.");
        }

        var today = reports.Today;
        ReportPeriod which;
        if (string.IsNullOrWhiteSpace(period))
        {
            which = ReportPeriod.LastBefore(parsed, today);
        }
        else if (!ReportPeriod.TryParse(parsed, period, out which))
        {
            return ApiProblems.Validation("period", $"'{period}' is not a {kind} period (daily yyyy-MM-dd, weekly yyyy-Www, monthly yyyy-MM, quarterly yyyy-Qn).");
        }

        if (!which.IsOverOn(today))
        {
            var errors = new ValidationErrors();
            errors.Add("period", $"The period {which.Name} ({which.From:yyyy-MM-dd} to {which.To.AddDays(-1):yyyy-MM-dd}) is not over yet; today is {today:yyyy-MM-dd}.");
            return ApiProblems.Validation(errors);
        }

        var (stored, created) = await reports.GenerateAsync(which, cancellationToken);
        var body = new ReportListItem(parsed.ToString().ToLowerInvariant(), which.Name,
            [.. stored.Select(b => b.Name[(b.Name.LastIndexOf('.') + 1)..])], stored.Sum(b => b.Length), stored.Min(b => b.LastModified));
        var location = $"/api/reports/{body.Kind}/{which.Name}.html";
        return created ? TypedResults.Created(location, body) : TypedResults.Ok(body);
    }

    private static bool TryKind(string text, out ReportKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
