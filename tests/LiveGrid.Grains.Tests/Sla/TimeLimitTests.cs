using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tests.Sla;

public sealed class TimeLimitTests
{
    [Theory]
    [InlineData("24h", 24, TimeLimitUnit.NaturalHours, "24h")]
    [InlineData("2d", 2, TimeLimitUnit.NaturalDays, "2d")]
    [InlineData("4wh", 4, TimeLimitUnit.WorkingHours, "4wh")]
    [InlineData("3wd", 3, TimeLimitUnit.WorkingDays, "3wd")]
    [InlineData("0wd", 0, TimeLimitUnit.WorkingDays, "0wd")]
    [InlineData(" 13WD ", 13, TimeLimitUnit.WorkingDays, "13wd")]
    [InlineData("20 wd", 20, TimeLimitUnit.WorkingDays, "20wd")]
    [InlineData("10000h", 10000, TimeLimitUnit.NaturalHours, "10000h")]
    public void Parses_and_formats(string text, int amount, TimeLimitUnit unit, string formatted)
    {
        var limit = TimeLimit.Parse(text);

        limit.Amount.Should().Be(amount);
        limit.Unit.Should().Be(unit);
        limit.ToString().Should().Be(formatted);
        TimeLimit.Parse(limit.ToString()).Should().Be(limit);
    }

    [Theory]
    [InlineData(null, "Time limit is empty; expected a whole number and a unit*")]
    [InlineData("", "Time limit is empty*")]
    [InlineData("   ", "Time limit is empty*")]
    [InlineData("h", "Time limit 'h' does not start with a whole number*")]
    [InlineData("-1h", "Time limit '-1h' does not start with a whole number*")]
    [InlineData("24", "Time limit '24' has no unit*")]
    [InlineData("3x", "Time limit '3x' has unknown unit 'x'; expected * h (hours), d (days), wh (working hours) or wd (working days)*")]
    [InlineData("1.5h", "Time limit '1.5h' has unknown unit '.5h'*")]
    [InlineData("3 w d", "Time limit '3 w d' has unknown unit 'w d'*")]
    [InlineData("0h", "Time limit '0h': only working days may be zero (0wd is \"the same day\")*")]
    [InlineData("0wh", "Time limit '0wh': only working days may be zero*")]
    [InlineData("10001h", "Time limit '10001h' is too large; at most 10000 units.")]
    [InlineData("99999999999wd", "Time limit '99999999999wd' is too large*")]
    public void Bad_text_is_refused_with_the_reason(string? text, string message)
    {
        var act = () => TimeLimit.Parse(text);

        act.Should().Throw<FormatException>().WithMessage(message);
        TimeLimit.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Constructor_and_default_value_are_checked()
    {
        var negative = () => new TimeLimit(-1, TimeLimitUnit.WorkingDays);
        var zeroHours = () => TimeLimit.Hours(0);

        negative.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot be negative*");
        zeroHours.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*only working days may be zero*");
        default(TimeLimit).IsValid.Should().BeFalse("zero natural hours is not a limit");
        TimeLimit.SameDay.Should().Be(TimeLimit.WorkingDays(0));
        TimeLimit.SameDay.IsValid.Should().BeTrue();
        TimeLimit.WorkingHours(4).CountsWorkingTime.Should().BeTrue();
        TimeLimit.Days(2).CountsWorkingTime.Should().BeFalse();
    }
}
