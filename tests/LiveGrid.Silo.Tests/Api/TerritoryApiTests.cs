using System.Net.Http.Headers;
using System.Net;
using System.Text;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Territory import and export over HTTP: JSON, the Excel CSV files (UTF-8 with BOM, Chinese), and refusals that change nothing.</summary>
public sealed class TerritoryApiTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task A_territory_imported_as_json_exports_as_csv_and_the_csv_imports_back_to_the_same_territory()
    {
        await using var silo = await ApiSilo.StartAsync(withTerritory: false);
        await (await silo.Http.GetAsync("/api/territory")).ProblemAsync(404);
        await (await silo.Http.GetAsync($"/api/grids/{TestCity.Grid1}")).ProblemAsync(404);

        // Grid 1 with 350 households needs 4 workers and has 2: imported, with a staffing warning.
        var document = TerritoryDocumentMapper.FromCityTerritory(TestCity.Territory());
        document = WithHouseholds(document, TestCity.Grid1, 350);
        var put = await silo.Http.PutAsync("/api/territory",
            new StringContent(TerritoryJson.Write(document), Encoding.UTF8, "application/json"));
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var imported = await put.JsonAsync();
        imported.GetProperty("applied").GetBoolean().Should().BeTrue();
        imported.GetProperty("grids").GetInt32().Should().Be(4);
        imported.GetProperty("workers").GetInt32().Should().Be(12);
        var understaffed = imported.GetProperty("understaffed").EnumerateArray().ToArray();
        understaffed.Should().ContainSingle().Which.GetProperty("gridCode").GetString().Should().Be(TestCity.Grid1);
        (await silo.Http.GetAsync($"/api/grids/{TestCity.Grid1}")).StatusCode.Should().Be(HttpStatusCode.OK, "the import is live");

        var json = await (await silo.Http.GetAsync("/api/territory")).Content.ReadAsStringAsync();
        json.Should().Contain("东华门街道");

        var grids = await silo.Http.GetAsync("/api/territory.csv");
        grids.StatusCode.Should().Be(HttpStatusCode.OK);
        grids.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        grids.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("grids.csv");
        var gridBytes = await grids.Content.ReadAsByteArrayAsync();
        gridBytes.Take(3).Should().Equal(Bom, "Excel needs the BOM to read UTF-8");
        var gridText = Encoding.UTF8.GetString(gridBytes, 3, gridBytes.Length - 3);
        gridText.Should().StartWith("区编码,区名称,街道编码").And.Contain("第1网格").And.Contain("銮庆胡同社区");
        var workerBytes = await silo.Http.GetByteArrayAsync("/api/territory.csv?file=workers");
        workerBytes.Take(3).Should().Equal(Bom);
        Encoding.UTF8.GetString(workerBytes).Should().Contain("张1");
        var departmentBytes = await silo.Http.GetByteArrayAsync("/api/territory.csv?file=departments");

        // The same files back, as a form upload: same territory, same export.
        await using var again = await ApiSilo.StartAsync(withTerritory: false);
        var form = Form(gridBytes, workerBytes, departmentBytes);
        var putCsv = await again.Http.PutAsync("/api/territory?cityName=测试市", form);
        putCsv.StatusCode.Should().Be(HttpStatusCode.OK, await putCsv.Content.ReadAsStringAsync());
        var reimported = await putCsv.JsonAsync();
        reimported.GetProperty("grids").GetInt32().Should().Be(4);
        reimported.GetProperty("understaffed").GetArrayLength().Should().Be(1);
        (await again.Http.GetStringAsync("/api/territory")).Should().Be(json);
        (await again.Http.GetByteArrayAsync("/api/territory.csv")).Should().Equal(gridBytes);
    }

    [Fact]
    public async Task An_import_with_problems_is_400_naming_each_and_changes_nothing()
    {
        await using var silo = await ApiSilo.StartAsync(withTerritory: false);
        var document = TerritoryDocumentMapper.FromCityTerritory(TestCity.Territory());
        var ok = await silo.Http.PutAsync("/api/territory", new StringContent(TerritoryJson.Write(document), Encoding.UTF8, "application/json"));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await silo.Http.GetStringAsync("/api/territory");

        var files = TerritoryCsv.Export(document);
        var grids = Encoding.UTF8.GetString(files.Grids).Replace(TestCity.Grid2, "11010100100100X", StringComparison.Ordinal);
        var bad = await silo.Http.PutAsync("/api/territory", Form(Encoding.UTF8.GetBytes(grids), files.Workers, files.Departments));
        var problem = await bad.ProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Should().Contain(error => error.Name.Contains("grids.csv"));

        var malformed = await silo.Http.PutAsync("/api/territory", new StringContent("{\"CityName\": ", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(400);
        var wrongType = await silo.Http.PutAsync("/api/territory", new StringContent("<territory/>", Encoding.UTF8, "application/xml"));
        await wrongType.ProblemAsync(415);

        (await silo.Http.GetStringAsync("/api/territory")).Should().Be(before);
    }

    private static MultipartFormDataContent Form(byte[] grids, byte[] workers, byte[] departments)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in new[] { ("grids", grids), ("workers", workers), ("departments", departments) })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            form.Add(file, name, $"{name}.csv");
        }

        return form;
    }

    private static TerritoryDocument WithHouseholds(TerritoryDocument document, string gridCode, int households) => document with
    {
        Districts = [.. document.Districts.Select(district => district with
        {
            Streets = [.. district.Streets.Select(street => street with
            {
                Communities = [.. street.Communities.Select(community => community with
                {
                    Grids = [.. community.Grids.Select(grid => grid.Code == gridCode ? grid with { Households = households } : grid)],
                })],
            })],
        })],
    };
}
