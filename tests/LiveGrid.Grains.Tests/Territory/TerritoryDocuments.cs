using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tests.Support;

namespace LiveGrid.Grains.Tests.Territory;

/// <summary>The test city as a document, and a way to change one grid of it for a test.</summary>
internal static class TerritoryDocuments
{
    /// <summary><see cref="TestCity"/>'s territory (4 grids, 12 workers) as a document.</summary>
    public static TerritoryDocument Small() => TerritoryDocumentMapper.FromCityTerritory(TestCity.Territory());

    /// <summary>The document with grid <paramref name="grid"/> (0-3, in code order) changed.</summary>
    public static TerritoryDocument WithGrid(this TerritoryDocument document, int grid, Func<GridDocument, GridDocument> change)
    {
        var district = document.Districts[0];
        var street = district.Streets[0];
        var (community, index) = (grid / 2, grid % 2);
        var communities = street.Communities.ToList();
        var grids = communities[community].Grids.ToList();
        grids[index] = change(grids[index]);
        communities[community] = communities[community] with { Grids = grids };
        return document with { Districts = [district with { Streets = [street with { Communities = communities }] }] };
    }

    /// <summary>The document path of grid <paramref name="grid"/> (0-3).</summary>
    public static string GridPath(int grid) => $"Districts[0].Streets[0].Communities[{grid / 2}].Grids[{grid % 2}]";
}
