using LiveGrid.Grains.Boards;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>The live boards: one grid, a street or district, the whole city.</summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/grids/{code}", GetGridBoardAsync).WithName("GetGridBoard").WithTags("Boards");

        var boards = endpoints.MapGroup("/api/boards").WithTags("Boards");
        boards.MapGet("/city", GetCityBoardAsync).WithName("GetCityBoard");
        boards.MapGet("/{code}", GetAreaBoardAsync).WithName("GetAreaBoard").WithSummary("A street's or district's board");
        return endpoints;
    }

    public static async Task<Results<Ok<GridBoard>, ProblemHttpResult>> GetGridBoardAsync(
        string code, [FromServices] IGrainFactory grains, [FromServices] CityModel city)
    {
        if (city.Territory.FindGrid(code.Trim()) is not { } grid)
        {
            return ApiProblems.NotFound($"There is no grid {code} in the territory.");
        }

        return TypedResults.Ok(await grains.GetGrain<IGridGrain>(grid.Code.Value).GetBoard());
    }

    public static async Task<Ok<AreaBoard>> GetCityBoardAsync([FromServices] IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard());

    public static async Task<Results<Ok<AreaBoard>, ProblemHttpResult>> GetAreaBoardAsync(
        string code, [FromServices] IGrainFactory grains, [FromServices] CityModel city)
    {
        // Streets and districts have boards; communities and grids are counted in their street's.
        if (!TerritoryCode.TryParse(code.Trim(), out var territoryCode)
            || territoryCode.Level is not (TerritoryLevel.Street or TerritoryLevel.District)
            || city.Territory.Index.Find(territoryCode) is null)
        {
            return ApiProblems.NotFound($"There is no street or district {code} in the territory.");
        }

        return TypedResults.Ok(await grains.GetGrain<IAreaBoardGrain>(territoryCode.Value).GetBoard());
    }
}
