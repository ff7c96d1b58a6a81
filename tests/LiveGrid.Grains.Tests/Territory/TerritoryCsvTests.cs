using System.Text;
using LiveGrid.Grains.Territory.Documents;
using static LiveGrid.Grains.Tests.Territory.TerritoryDocuments;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryCsvTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void Exported_files_are_utf8_with_a_bom_and_chinese_headers()
    {
        var files = TerritoryCsv.Export(Small());

        files.Grids.Take(3).Should().Equal(Bom);
        files.Workers.Take(3).Should().Equal(Bom);
        var text = CsvFormat.FromBytes(files.Grids);
        text.Should().StartWith("区编码,区名称,街道编码,街道名称,社区编码,社区名称,网格编码,网格名称,小区类型,户数,");
        text.Split("\r\n").Should().HaveCount(6, "a header, 4 grid rows and the final line end");
        text.Should().Contain("110101,东城区,110101001,东华门街道,110101001002,銮庆胡同社区,110101001002001,第3网格,物管小区,180,520,60,1000000,w3a,w3b,w3c/w3a,");
    }

    [Fact]
    public void A_document_round_trips_through_csv()
    {
        var document = Small();

        var files = TerritoryCsv.Export(document);
        var read = TerritoryCsv.Import(document.CityName, files.Grids, files.Workers, files.Departments);

        read.Problems.Should().BeEmpty();
        read.Document.Should().BeEquivalentTo(document, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Names_with_commas_quotes_and_line_breaks_round_trip()
    {
        var tricky = "第1网格, \"东\"片\r\n（北）";
        var document = Small().WithGrid(0, grid => grid with { Name = tricky });

        var files = TerritoryCsv.Export(document);
        var read = TerritoryCsv.Import(document.CityName, files.Grids, files.Workers, files.Departments);

        CsvFormat.FromBytes(files.Grids).Should().Contain("\"第1网格, \"\"东\"\"片\r\n（北）\"");
        read.Problems.Should().BeEmpty();
        read.Document!.Districts[0].Streets[0].Communities[0].Grids[0].Name.Should().Be(tricky);
    }

    [Fact]
    public void Problems_name_the_file_and_line()
    {
        var grids = CsvFormat.FromBytes(TerritoryCsv.Export(Small()).Grids)
            .Replace(",180,520,60,1000000,w2a,", ",很多,520,60,1000000,ghost,", StringComparison.Ordinal);
        var workers = CsvFormat.FromBytes(TerritoryCsv.Export(Small()).Workers) + "w9,,13900000000,110101001001001\r\n";

        var read = TerritoryCsv.Import("测试市", grids, workers, departments: null);

        read.Problems.Should().BeEquivalentTo(new TerritoryProblem[]
        {
            new("grids.csv line 3, 户数", "'很多' is not a whole number"),
            new("grids.csv line 3 (Staff.Leader.Worker)", "grid 110101001001002: worker 'ghost' is not in Workers"),
            new("workers.csv line 14 (Name)", "worker 'w9' has no name"),
        });
    }

    [Fact]
    public void English_headers_in_another_order_are_accepted()
    {
        var grids =
            "GridCode,GridName,DistrictCode,DistrictName,StreetCode,StreetName,CommunityCode,CommunityName,Compound,Households,ResidentPopulation,FloatingPopulation,AreaSquareMeters,Leader,LeaderBackup,Members,Boundary\n" +
            "110101001001001,一网格,110101,东城区,110101001,东华门街道,110101001001,多福巷社区,PropertyManaged,90,200,10,5000,a,,,116.4 39.9; 116.41 39.9; 116.41 39.91\n";
        var workers = "Id,Name,Phone,GridCode\na,张三,13800000000,110101001001001\n";

        var read = TerritoryCsv.Import("测试市", grids, workers, departments: null);

        read.Problems.Should().BeEmpty();
        var grid = read.Document!.Districts[0].Streets[0].Communities[0].Grids.Should().ContainSingle().Subject;
        grid.Boundary.Should().HaveCount(3);
        grid.Staff.Leader.Should().Be(new PostDocument { Worker = "a" });
    }

    [Fact]
    public void A_missing_column_and_an_unclosed_quote_are_reported()
    {
        TerritoryCsv.Import("测试市", "网格编码,网格名称\n1,2\n", "", null).Problems
            .Should().Contain(p => p.Path == "grids.csv line 1" && p.Message.StartsWith("missing columns 区编码, 区名称"));
        var grids = CsvFormat.FromBytes(TerritoryCsv.Export(Small()).Grids) + "\"110101";
        TerritoryCsv.Import("测试市", grids, null, null).Problems
            .Should().ContainSingle().Which.Should().Be(new TerritoryProblem("grids.csv", "line 6: a quoted field is never closed"));
    }

    [Fact]
    public void The_same_code_with_two_names_is_a_problem()
    {
        var grids = CsvFormat.FromBytes(TerritoryCsv.Export(Small()).Grids);
        var lines = grids.Split("\r\n");
        lines[2] = lines[2].Replace("多福巷社区", "多福社区", StringComparison.Ordinal);

        var read = TerritoryCsv.Import("测试市", string.Join("\r\n", lines), CsvFormat.FromBytes(TerritoryCsv.Export(Small()).Workers), null);

        read.Problems.Should().ContainSingle().Which.Should().Be(
            new TerritoryProblem("grids.csv line 3, 社区名称", "110101001001 is named '多福社区' here but '多福巷社区' on an earlier line"));
    }

    [Fact]
    public void A_gbk_file_from_excel_is_refused_with_how_to_save_it()
    {
        var files = TerritoryCsv.Export(Small());
        // "东城区" in GBK: B6 AB B3 C7 C7 F8, not valid UTF-8.
        byte[] gbk = [.. Encoding.UTF8.GetBytes("区编码\r\n110101,"), 0xB6, 0xAB, 0xB3, 0xC7, 0xC7, 0xF8, 0x0D, 0x0A];

        var read = TerritoryCsv.Import("测试市", files.Grids, gbk, files.Departments);

        read.Document.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Be(
            new TerritoryProblem("workers.csv", "the file is not UTF-8 (probably GBK); in Excel save it as \"CSV UTF-8 (逗号分隔)\""));
    }

    [Fact]
    public void The_parser_follows_rfc_4180()
    {
        var rows = CsvFormat.Parse("\uFEFFa,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\nline\",,x\nlast", out var error);

        error.Should().BeNull();
        rows.Select(r => r.Line).Should().Equal(1, 3, 5);
        rows[0].Fields.Should().Equal("a", "b,c", "d\"e");
        rows[1].Fields.Should().Equal("multi\nline", "", "x");
        rows[2].Fields.Should().Equal("last");
        Encoding.UTF8.GetString(CsvFormat.ToExcelBytes("x")).Should().Be("\uFEFFx");
    }
}
