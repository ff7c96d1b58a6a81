using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>
/// The territory (districts → streets → communities → grids, workers, departments) as files: export as JSON or as the
/// CSV files grid offices keep in Excel, and import either. An import with problems changes nothing.
/// </summary>
public static class TerritoryEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapTerritoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var territory = endpoints.MapGroup("/api").WithTags("Territory");
        territory.MapGet("/territory", GetTerritoryAsync)
            .WithName("GetTerritory")
            .WithSummary("The territory as a JSON document (the file format PUT takes back)")
            .Produces<TerritoryDocument>(StatusCodes.Status200OK, "application/json");
        territory.MapGet("/territory.csv", GetTerritoryCsvAsync)
            .WithName("GetTerritoryCsv")
            .WithSummary("One of the territory's CSV files (UTF-8 with BOM, for Excel): file=grids (default), workers or departments");
        territory.MapPut("/territory", ReplaceTerritoryAsync)
            .WithName("ReplaceTerritory")
            .WithSummary("Import a territory: a JSON document, a grids CSV (text/csv), or multipart/form-data files grids, workers, departments")
            .Accepts<TerritoryDocument>("application/json", "text/csv", "multipart/form-data");
        return endpoints;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetTerritoryAsync(
        [FromServices] IGrainFactory grains, [FromServices] CityModel city) =>
        await CurrentDocumentAsync(grains, city) is { } document
            ? TypedResults.Text(TerritoryJson.Write(document), "application/json; charset=utf-8")
            : NoTerritory();

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetTerritoryCsvAsync(
        [FromServices] IGrainFactory grains, [FromServices] CityModel city, string? file = null)
    {
        var wanted = (file ?? "grids").Trim().ToLowerInvariant();
        if (wanted is not ("grids" or "workers" or "departments"))
        {
            return ApiProblems.Validation("file", "file is grids, workers or departments");
        }

        if (await CurrentDocumentAsync(grains, city) is not { } document)
        {
            return NoTerritory();
        }

        var files = TerritoryCsv.Export(document);
        var (bytes, name) = wanted switch
        {
            "workers" => (files.Workers, TerritoryCsvFiles.WorkersFileName),
            "departments" => (files.Departments, TerritoryCsvFiles.DepartmentsFileName),
            _ => (files.Grids, TerritoryCsvFiles.GridsFileName),
        };
        return TypedResults.File(bytes, CsvContentType, name);
    }

    public static async Task<Results<Ok<TerritoryImportResult>, ValidationProblem>> ReplaceTerritoryAsync(
        HttpRequest request, [FromServices] IGrainFactory grains, [FromServices] CityModel city, string? cityName = null)
    {
        var name = string.IsNullOrWhiteSpace(cityName) ? city.Territory.CityName : cityName.Trim();
        var parsed = await ParseAsync(request, name, city, request.HttpContext.RequestAborted);
        if (parsed.Error is { } error)
        {
            return ApiProblems.Validation("body", error);
        }

        if (!parsed.Result!.IsValid)
        {
            return Problems(parsed.Result.Problems);
        }

        var result = await grains.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Replace(parsed.Result.Document!);
        return result.Applied ? TypedResults.Ok(result) : Problems(result.Problems);
    }

    private static async Task<(TerritoryParseResult? Result, string? Error)> ParseAsync(
        HttpRequest request, string cityName, CityModel city, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.Value?.ToLowerInvariant()
            : null;
        switch (mediaType)
        {
            case "application/json":
                using (var reader = new StreamReader(request.Body))
                {
                    return (TerritoryJson.Read(await reader.ReadToEndAsync(cancellationToken), city.Categories), null);
                }

            case "text/csv":
                return (TerritoryCsv.Import(cityName, await ReadAllAsync(request.Body, cancellationToken), null, null, city.Categories), null);

            case "multipart/form-data":
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
                {
                    // A broken form (no boundary, a bad part header) is the client's mistake: 400, not 500.
                    return (null, $"the body is not valid multipart/form-data: {ex.Message}");
                }

                var grids = await FileAsync(form, "grids", cancellationToken);
                if (grids is null)
                {
                    return (null, "the form needs a file 'grids' (grids.csv); 'workers' and 'departments' are optional");
                }

                return (TerritoryCsv.Import(
                    cityName, grids, await FileAsync(form, "workers", cancellationToken), await FileAsync(form, "departments", cancellationToken),
                    city.Categories), null);

            default:
                return (null, $"send the territory as application/json, text/csv (grids.csv) or multipart/form-data; got '{request.ContentType}'");
        }
    }

    /// <summary>A form file by field name ("grids") or file name ("grids.csv").</summary>
    private static async Task<byte[]?> FileAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile(name)
            ?? form.Files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f.FileName), name, StringComparison.OrdinalIgnoreCase));
        if (file is null)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        return await ReadAllAsync(stream, cancellationToken);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The stored document; else the live territory (set by other means) when it has grids.</summary>
    private static async Task<TerritoryDocument?> CurrentDocumentAsync(IGrainFactory grains, CityModel city) =>
        await grains.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Get()
        ?? (city.Territory.Index.Grids.Count > 0 ? TerritoryDocumentMapper.FromCityTerritory(city.Territory) : null);

    /// <summary>Every problem under its path ("grids.csv line 4", "Districts[0].Streets[1]…"): the client fixes them all in one go.</summary>
    private static ValidationProblem Problems(IReadOnlyList<TerritoryProblem> problems)
    {
        var errors = new ValidationErrors();
        foreach (var problem in problems)
        {
            errors.Add(problem.Path, problem.Message);
        }

        return ApiProblems.Validation(errors, $"The territory has {problems.Count} problem(s); nothing was changed.");
    }

    private static ProblemHttpResult NoTerritory() =>
        ApiProblems.NotFound("No territory has been imported yet: PUT /api/territory.");
}
