using System.Text;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Territory.Documents;
using static LiveGrid.Grains.Tests.Territory.TerritoryDocuments;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryJsonTests
{
    [Fact]
    public void A_document_round_trips_with_its_chinese_text_readable()
    {
        var document = Small();

        var json = TerritoryJson.Write(document);
        var read = TerritoryJson.Read(json);

        json.Should().Contain("\"东城区\"").And.Contain("\"銮庆胡同社区\"").And.Contain("\"PropertyManaged\"");
        read.Problems.Should().BeEmpty();
        read.Document.Should().BeEquivalentTo(document, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_utf8_file_with_a_bom_reads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(TerritoryJson.WriteUtf8(Small())).ToArray();

        TerritoryJson.Read(Encoding.UTF8.GetString(bytes)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Broken_json_is_one_problem_with_its_line()
    {
        var json = TerritoryJson.Write(Small()).Replace("\"Households\": 180", "\"Households\": \"many\"", StringComparison.Ordinal);

        var read = TerritoryJson.Read(json);

        read.Document.Should().BeNull();
        var problem = read.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be("$.Districts[0].Streets[0].Communities[0].Grids[0].Households");
        problem.Message.Should().MatchRegex("^line [0-9]+: not a territory document");
    }

    [Fact]
    public void A_parsed_document_is_validated()
    {
        var json = TerritoryJson.Write(Small().WithGrid(0, grid => grid with { Staff = grid.Staff with { Leader = new PostDocument { Worker = "ghost" } } }));

        TerritoryJson.Read(json).Problems.Should().ContainSingle().Which.Path.Should().Be($"{GridPath(0)}.Staff.Leader.Worker");
    }

    [Fact]
    public void The_document_converts_to_the_city_territory_and_back_unchanged()
    {
        var territory = TerritoryDocumentMapper.ToCityTerritory(Small());

        territory.Index.Grids.Should().HaveCount(4);
        territory.FindGrid(TestCity.Grid3)!.Staff.Members.Should().ContainSingle().Which.BackupWorkerId.Should().Be("w3a");
        territory.FindWorker("w2b")!.Phone.Should().Be("13800000022");
        TerritoryDocumentMapper.FromCityTerritory(territory).Should().BeEquivalentTo(Small(), o => o.WithStrictOrdering());
    }
}
