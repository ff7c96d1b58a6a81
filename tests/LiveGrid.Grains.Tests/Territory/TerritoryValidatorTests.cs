using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory.Documents;
using static LiveGrid.Grains.Tests.Territory.TerritoryDocuments;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryValidatorTests
{
    [Fact]
    public void The_test_city_is_valid()
    {
        TerritoryValidator.Validate(Small(), DefaultCategories.All).Should().BeEmpty();
    }

    [Fact]
    public void A_full_width_digit_in_a_grid_code_is_reported_at_the_grid_code()
    {
        var document = Small().WithGrid(1, grid => grid with { Code = "11010100100100２" });

        // The workers of the renamed grid lose their home grid too; that is reported under Workers.
        var problem = TerritoryValidator.Validate(document).Where(p => p.Path.StartsWith("Districts", StringComparison.Ordinal)).Should().ContainSingle().Subject;

        problem.Path.Should().Be($"{GridPath(1)}.Code");
        problem.Message.Should().Contain("full-width digit");
    }

    [Fact]
    public void A_grid_code_outside_its_community_says_which_prefix_it_needs()
    {
        var document = Small().WithGrid(0, grid => grid with { Code = "110101001002009" });

        // The workers of the renamed grid lose their home grid too; that is reported under Workers.
        var problem = TerritoryValidator.Validate(document).Where(p => p.Path.StartsWith("Districts", StringComparison.Ordinal)).Should().ContainSingle().Subject;

        problem.Path.Should().Be($"{GridPath(0)}.Code");
        problem.Message.Should().Contain("not under community 110101001001").And.Contain("first 12 digits must be 110101001001");
    }

    [Fact]
    public void A_street_code_where_a_grid_code_belongs_is_a_level_problem()
    {
        var document = Small().WithGrid(0, grid => grid with { Code = "110101001" });

        TerritoryValidator.Validate(document).Should().Contain(p => p.Path == $"{GridPath(0)}.Code" && p.Message.Contains("street code"));
    }

    [Fact]
    public void A_duplicate_grid_code_names_the_other_place()
    {
        var document = Small().WithGrid(1, grid => grid with { Code = "110101001001001" });

        // The workers of the renamed grid lose their home grid too; that is reported under Workers.
        var problem = TerritoryValidator.Validate(document).Where(p => p.Path.StartsWith("Districts", StringComparison.Ordinal)).Should().ContainSingle().Subject;

        problem.Path.Should().Be($"{GridPath(1)}.Code");
        problem.Message.Should().Contain("appears twice").And.Contain($"also at {GridPath(0)}");
    }

    [Fact]
    public void A_post_held_by_an_unlisted_worker_is_reported_at_the_post()
    {
        var document = Small().WithGrid(2, grid => grid with
        {
            Staff = grid.Staff with { Members = [new PostDocument { Worker = "w3c", Backup = "nobody" }] },
        });

        var problem = TerritoryValidator.Validate(document).Should().ContainSingle().Subject;

        problem.Path.Should().Be($"{GridPath(2)}.Staff.Members[0].Backup");
        problem.Message.Should().Be("grid 110101001002001: worker 'nobody' is not in Workers");
    }

    [Fact]
    public void A_backup_equal_to_the_post_holder_is_refused()
    {
        var document = Small().WithGrid(0, grid => grid with { Staff = grid.Staff with { Leader = new PostDocument { Worker = "w1a", Backup = "w1a" } } });

        TerritoryValidator.Validate(document).Should().ContainSingle()
            .Which.Path.Should().Be($"{GridPath(0)}.Staff.Leader.Backup");
    }

    [Fact]
    public void A_boundary_with_two_distinct_points_is_not_a_polygon()
    {
        var document = Small().WithGrid(3, grid => grid with { Boundary = [[116.43, 39.91], [116.44, 39.91], [116.43, 39.91]] });

        var problem = TerritoryValidator.Validate(document).Should().ContainSingle().Subject;

        problem.Path.Should().Be($"{GridPath(3)}.Boundary");
        problem.Message.Should().Contain("2 distinct points").And.Contain("at least 3");
    }

    [Fact]
    public void Latitude_first_points_are_caught_by_their_range()
    {
        var document = Small().WithGrid(0, grid => grid with { Boundary = [[39.91, 116.40], [39.91, 116.41], [39.92, 116.41]] });

        TerritoryValidator.Validate(document).Should().ContainSingle()
            .Which.Should().Be(new TerritoryProblem($"{GridPath(0)}.Boundary[0]",
                "grid 110101001001001: (39.91, 116.4) is not a WGS84 position; longitude comes first and must be within ±180, latitude within ±90"));
    }

    [Fact]
    public void A_grid_drawn_over_its_neighbour_is_reported_but_sharing_an_edge_is_not()
    {
        // Grid 2 is the square east of grid 1; shift it half a square west so it covers half of grid 1.
        var document = Small().WithGrid(1, grid => grid with { Boundary = [[116.405, 39.91], [116.415, 39.91], [116.415, 39.92], [116.405, 39.92]] });

        var problems = TerritoryValidator.Validate(document);

        problems.Should().HaveCount(2);
        problems.Should().Contain(new TerritoryProblem($"{GridPath(1)}.Boundary", "grid 110101001001002 overlaps grid 110101001001001: its centre (116.41, 39.915) lies inside that grid"));
        problems.Should().Contain(p => p.Path == $"{GridPath(0)}.Boundary" && p.Message.StartsWith("grid 110101001001001 overlaps grid 110101001001002"));
    }

    [Fact]
    public void Negative_households_and_a_blank_name_are_both_reported()
    {
        var document = Small().WithGrid(1, grid => grid with { Households = -5, Name = " " });

        TerritoryValidator.Validate(document).Select(p => p.Path).Should().BeEquivalentTo($"{GridPath(1)}.Name", $"{GridPath(1)}.Households");
    }

    [Fact]
    public void Workers_are_checked_for_duplicates_home_grid_and_phone()
    {
        var document = Small() with
        {
            Workers = [.. Small().Workers, new WorkerDocument { Id = "w1a", Name = "重复", GridCode = "110101001001001" },
                new WorkerDocument { Id = "x1", Name = "外人", Phone = "call me", GridCode = "110101001009001" }],
        };

        var problems = TerritoryValidator.Validate(document);

        problems.Should().HaveCount(3);
        problems.Should().Contain(p => p.Path == "Workers[12].Id" && p.Message.Contains("listed twice (also Workers[0])"));
        problems.Should().Contain(p => p.Path == "Workers[13].Phone");
        problems.Should().Contain(p => p.Path == "Workers[13].GridCode" && p.Message.Contains("home grid 110101001009001 is not in the territory"));
    }

    [Fact]
    public void A_category_routed_to_a_missing_department_is_a_problem_when_categories_are_given()
    {
        var document = Small() with { Departments = [.. Small().Departments.Where(d => d.Id != DefaultCategories.DisciplineDepartment)] };

        TerritoryValidator.Validate(document).Should().BeEmpty();
        TerritoryValidator.Validate(document, DefaultCategories.All).Should().ContainSingle()
            .Which.Message.Should().Contain("执法风纪").And.Contain(DefaultCategories.DisciplineDepartment);
    }

    [Fact]
    public void Nulls_from_a_careless_file_are_problems_not_exceptions()
    {
        var document = Small().WithGrid(0, grid => grid with { Name = null!, Boundary = null!, Staff = null! });

        var paths = TerritoryValidator.Validate(document).Select(p => p.Path).ToList();

        paths.Should().Contain([$"{GridPath(0)}.Name", $"{GridPath(0)}.Boundary", $"{GridPath(0)}.Staff.Leader"]);
    }

    [Fact]
    public void Understaffed_grids_are_flagged_by_the_importer_without_being_problems()
    {
        // 180 households need 2 workers; grid 1 has w1a and w1c. 250 households need 3.
        var document = Small().WithGrid(0, grid => grid with { Households = 250 });

        var (result, territory) = TerritoryImporter.Check(document, DefaultCategories.All);

        territory.Should().NotBeNull();
        result.Problems.Should().BeEmpty();
        result.Understaffed.Should().ContainSingle().Which.Should().Be(new UnderstaffedGrid("110101001001001", "第1网格", 250, 3, 2));
        result.Should().BeEquivalentTo(new { Applied = false, Districts = 1, Streets = 1, Communities = 2, Grids = 4, Workers = 12, Departments = 4 });
    }
}
