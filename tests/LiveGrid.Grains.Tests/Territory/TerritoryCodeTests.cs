using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryCodeTests
{
    [Fact]
    public void A_grid_code_splits_into_its_prefixes_and_round_trips()
    {
        var code = GridCode.Parse("110105001002003");

        code.Value.Should().Be("110105001002003");
        code.ToString().Should().Be("110105001002003");
        code.Level.Should().Be(TerritoryLevel.Grid);
        code.DistrictCode.Value.Should().Be("110105");
        code.StreetCode.Value.Should().Be("110105001");
        code.CommunityCode.Value.Should().Be("110105001002");
        code.Sequence.Should().Be(3);
        GridCode.Parse(code.ToString()).Should().Be(code);
    }

    [Fact]
    public void The_parent_chain_runs_from_the_district_down()
    {
        var code = GridCode.Parse("110105001002003");

        code.Parent.Should().Be(CommunityCode.Parse("110105001002"));
        code.Parent.Parent.Should().Be(StreetCode.Parse("110105001"));
        code.Parent.Parent.Parent.Should().Be(DistrictCode.Parse("110105"));
        code.Parent.Parent.Parent.Parent.Should().BeNull();
        code.ParentChain.Select(c => c.Value).Should().Equal("110105", "110105001", "110105001002");
        code.ParentChain.Select(c => c.Level).Should().Equal(TerritoryLevel.District, TerritoryLevel.Street, TerritoryLevel.Community);
        DistrictCode.Parse("110105").ParentChain.Should().BeEmpty();
    }

    [Theory]
    [InlineData("110105", TerritoryLevel.District, typeof(DistrictCode))]
    [InlineData("110105001", TerritoryLevel.Street, typeof(StreetCode))]
    [InlineData("110105001002", TerritoryLevel.Community, typeof(CommunityCode))]
    [InlineData("110105001002003", TerritoryLevel.Grid, typeof(GridCode))]
    public void Any_level_parses_from_its_length(string text, TerritoryLevel level, Type type)
    {
        var code = TerritoryCode.Parse(text);

        code.Level.Should().Be(level);
        code.Should().BeOfType(type);
        code.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("11010500100200", "Grid code '11010500100200' has 14 digits; expected 15 (6 district + 3 street + 3 community + 3 grid sequence).")]
    [InlineData("1101050010020031", "Grid code '1101050010020031' has 16 digits; expected 15*")]
    [InlineData("11010500100200A", "Grid code '11010500100200A' has 'A' (U+0041) at position 15 (only ASCII digits 0-9 are allowed).")]
    [InlineData("１１０１０５００１００２００３", "Grid code '１１０１０５００１００２００３' has '１' (U+FF11) at position 1 (a full-width digit; use ASCII 0-9).")]
    [InlineData(" 110105001002003", "*has ' ' (U+0020) at position 1*")]
    [InlineData("110105001002٣03", "*has '٣' (U+0663) at position 13 (only ASCII digits*")]
    [InlineData("", "Grid code is empty.")]
    [InlineData("000000001002003", "Grid code '000000001002003' has an all-zero district segment (digits 1-6); codes are numbered from 1.")]
    [InlineData("110105000002003", "*all-zero street segment (digits 7-9)*")]
    [InlineData("110105001000003", "*all-zero community segment (digits 10-12)*")]
    [InlineData("110105001002000", "*all-zero grid sequence segment (digits 13-15)*")]
    public void Bad_grid_codes_are_refused_with_the_reason(string text, string message)
    {
        GridCode.TryParse(text, out var code, out var error).Should().BeFalse();
        code.Should().BeNull();
        error.Should().Match(message);

        var parse = () => GridCode.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void A_missing_code_is_refused()
    {
        GridCode.TryParse(null, out _, out var error).Should().BeFalse();
        error.Should().Be("A grid code is required.");
        TerritoryCode.TryParse(null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("11010", "Territory code '11010' has 5 digits; expected 6 (district), 9 (street), 12 (community) or 15 (grid).")]
    [InlineData("110105001002003000", "*has 18 digits*")]
    [InlineData("110105000", "Street code '110105000' has an all-zero street segment (digits 7-9); codes are numbered from 1.")]
    [InlineData("１１０１０５", "Territory code '１１０１０５' has '１' (U+FF11) at position 1 (a full-width digit*")]
    public void Bad_codes_of_any_level_are_refused_with_the_reason(string text, string message)
    {
        var parse = () => TerritoryCode.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Typed_parsers_accept_only_their_own_level()
    {
        StreetCode.TryParse("110105001002", out _, out var error).Should().BeFalse();
        error.Should().Be("Street code '110105001002' has 12 digits; expected 9 (6 district + 3 street).");
        DistrictCode.TryParse("110105001", out _).Should().BeFalse();
        CommunityCode.TryParse("110105001002", out var community).Should().BeTrue();
        community!.Parent.Should().Be(StreetCode.Parse("110105001"));
    }

    [Fact]
    public void Codes_order_parents_before_children_and_siblings_by_number()
    {
        var codes = new[] { "110105001002003", "110105001", "110105002", "110105001002", "110105", "110105001002001", "110101" }
            .Select(TerritoryCode.Parse)
            .Order()
            .Select(code => code.Value);

        codes.Should().Equal("110101", "110105", "110105001", "110105001002", "110105001002001", "110105001002003", "110105002");
        (GridCode.Parse("110105001002001") < GridCode.Parse("110105001002002")).Should().BeTrue();
    }

    [Fact]
    public void Codes_are_equal_by_digits_and_contain_their_descendants()
    {
        var street = TerritoryCode.Parse("110105001");

        street.Should().Be(StreetCode.Parse("110105001"));
        (street == GridCode.Parse("110105001002003").StreetCode).Should().BeTrue();
        street.GetHashCode().Should().Be(StreetCode.Parse("110105001").GetHashCode());
        street.Contains(GridCode.Parse("110105001002003")).Should().BeTrue();
        street.Contains(GridCode.Parse("110105002002003")).Should().BeFalse();
        street.Equals(DistrictCode.Parse("110105")).Should().BeFalse();
    }
}
