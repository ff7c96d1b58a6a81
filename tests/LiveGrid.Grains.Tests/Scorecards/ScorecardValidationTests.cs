using LiveGrid.Grains.Scorecards;

namespace LiveGrid.Grains.Tests.Scorecards;

/// <summary>A scorecard must add up to 1,000 points and score each measure by a rule that fits it.</summary>
public sealed class ScorecardValidationTests
{
    [Fact]
    public void The_default_items_add_up_to_a_thousand_and_are_valid()
    {
        Scorecard.DefaultItems.Sum(i => i.MaxPoints).Should().Be(1000);
        Scorecard.Problems(Scorecard.DefaultItems).Should().BeEmpty();
        Scorecard.Default.Items.Select(i => i.Key).Should().OnlyHaveUniqueItems();
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "sum", "*add up to 1000 points*they add up to 999*" },
        { "rateByDeduction", "*Item 'onTime' scores the rate OnTimeResolution, which takes the rule Linear, not Deduct*" },
        { "countByLinear", "*Item 'overdue' scores the count OverdueTickets, which takes the rule Deduct or Award, not Linear*" },
        { "floorAboveTarget", "*Item 'onTime' needs 0 ≤ Floor < Target ≤ 1*Floor 0.9 and Target 0.8*" },
        { "noPointsEach", "*Item 'overdue' needs PointsEach above 0*" },
        { "duplicate", "*Item 'onTime' is listed twice*" },
        { "empty", "The scorecard has no items." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_scorecard_is_refused_saying_why(string @case, string message)
    {
        var items = Scorecard.DefaultItems.ToList();
        switch (@case)
        {
            case "sum":
                items[0] = items[0] with { MaxPoints = 249 };
                break;
            case "rateByDeduction":
                items[0] = items[0] with { Rule = ScorecardRule.Deduct, PointsEach = 1 };
                break;
            case "countByLinear":
                items[5] = items[5] with { Rule = ScorecardRule.Linear };
                break;
            case "floorAboveTarget":
                items[0] = items[0] with { Floor = 0.9, Target = 0.8 };
                break;
            case "noPointsEach":
                items[5] = items[5] with { PointsEach = 0 };
                break;
            case "duplicate":
                items[1] = items[1] with { Key = "onTime" };
                break;
            default:
                items.Clear();
                break;
        }

        var create = () => Scorecard.Create(items);

        create.Should().Throw<ArgumentException>().WithMessage(message + "*");
    }
}
