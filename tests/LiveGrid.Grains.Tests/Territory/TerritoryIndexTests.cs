using LiveGrid.Grains.Territory;
using static LiveGrid.Grains.Tests.Territory.TerritoryFixtures;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryIndexTests
{
    private static readonly District Chaoyang = new(DistrictCode.Parse("110105"), "朝阳区");
    private static readonly District Dongcheng = new(DistrictCode.Parse("110101"), "东城区");
    private static readonly Street Jianwai = new(StreetCode.Parse("110105001"), "建外街道");
    private static readonly Street Chaowai = new(StreetCode.Parse("110105002"), "朝外街道");
    private static readonly Community Yong_an = new(CommunityCode.Parse("110105001002"), "永安里社区");
    private static readonly Community Jianguo = new(CommunityCode.Parse("110105001001"), "建国里社区");

    private static TerritoryIndex Beijing() => new(
    [
        Grid("110105001002002", name: "永安里第二网格"), Yong_an, Chaoyang, Jianwai, Chaowai, Jianguo, Dongcheng,
        Grid("110105001002001", name: "永安里第一网格"), Grid("110105001001001"),
    ]);

    [Fact]
    public void Finds_every_node_by_its_code_with_its_chinese_name()
    {
        var index = Beijing();

        index.Find(DistrictCode.Parse("110105"))!.Name.Should().Be("朝阳区");
        index.Find(StreetCode.Parse("110105001"))!.Name.Should().Be("建外街道");
        index.Find(CommunityCode.Parse("110105001002"))!.Name.Should().Be("永安里社区");
        index.Find(GridCode.Parse("110105001002002"))!.Name.Should().Be("永安里第二网格");
        index.Find(TerritoryCode.Parse("110105001002001"))!.Should().BeOfType<Grid>().Which.Name.Should().Be("永安里第一网格");
        index.Find(GridCode.Parse("110105001002009")).Should().BeNull();
        index.Find(DistrictCode.Parse("110102")).Should().BeNull();
    }

    [Fact]
    public void Lists_children_of_any_node_in_code_order()
    {
        var index = Beijing();

        index.Districts.Select(d => d.Name).Should().Equal("东城区", "朝阳区");
        index.Children(Chaoyang.Code).Select(n => n.Name).Should().Equal("建外街道", "朝外街道");
        index.Children(Jianwai.Code).Select(n => n.Name).Should().Equal("建国里社区", "永安里社区");
        index.Children(Yong_an.Code).Select(n => n.Code.Value).Should().Equal("110105001002001", "110105001002002");
        index.Children(Chaowai.Code).Should().BeEmpty();
        index.Children(GridCode.Parse("110105001002001")).Should().BeEmpty();
        index.Grids.Select(g => g.Code.Value).Should().Equal("110105001001001", "110105001002001", "110105001002002");
    }

    [Fact]
    public void Refuses_a_node_whose_parent_is_missing()
    {
        var build = () => new TerritoryIndex([Chaoyang, Jianwai, Grid("110105001002001")]);

        build.Should().Throw<ArgumentException>()
            .WithMessage("Grid 110105001002001 (网格001) is under community 110105001002, which is not in the list.*");
    }

    [Fact]
    public void Refuses_a_code_given_twice()
    {
        var build = () => new TerritoryIndex([Chaoyang, new District(DistrictCode.Parse("110105"), "朝阳")]);

        build.Should().Throw<ArgumentException>().WithMessage("District 110105 appears twice (朝阳区, 朝阳).*");
    }

    [Fact]
    public void Flags_grids_below_one_worker_per_hundred_households_with_the_shortfall()
    {
        TerritoryNode[] territory =
        [
            Chaoyang, Jianwai, Yong_an,
            Grid("110105001002001", households: 0, staff: Staff(1)),
            Grid("110105001002002", households: 100, staff: Staff(1)),
            Grid("110105001002003", households: 101, staff: Staff(1)),
            Grid("110105001002004", households: 101, staff: Staff(2)),
            Grid("110105001002005", households: 950, staff: Staff(7)),
        ];

        var understaffed = new TerritoryIndex(territory).Understaffed();

        understaffed.Should().Equal(
            new StaffingShortfall(GridCode.Parse("110105001002003"), 101, RequiredWorkers: 2, Workers: 1),
            new StaffingShortfall(GridCode.Parse("110105001002005"), 950, RequiredWorkers: 10, Workers: 7));
        understaffed.Select(s => s.Shortfall).Should().Equal(1, 3);
    }
}
