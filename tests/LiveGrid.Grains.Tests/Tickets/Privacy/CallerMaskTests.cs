using LiveGrid.Grains.Tickets.Privacy;

namespace LiveGrid.Grains.Tests.Tickets.Privacy;

public sealed class CallerMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138****5678")]
    [InlineData("+86 138-1234-5678", "861****5678")]
    [InlineData("010-12345678", "010****5678")]
    [InlineData("12345", "****45")]
    [InlineData("1234567", "****67")]
    [InlineData("1234", "****")]
    [InlineData("no digits", "****")]
    public void A_phone_keeps_at_most_its_first_three_and_last_four_digits(string phone, string masked) =>
        CallerMask.Phone(phone).Should().Be(masked);

    [Theory]
    [InlineData("刘先生", "刘＊")]
    [InlineData("欧阳娜娜", "欧＊")]
    [InlineData("  Smith ", "S＊")]
    [InlineData("\U00020000先生", "\U00020000＊")]
    public void A_name_keeps_its_first_character_only(string name, string masked) =>
        CallerMask.Name(name).Should().Be(masked);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_to_hide_stays_as_it_is(string? value)
    {
        CallerMask.Name(value).Should().Be(value);
        CallerMask.Phone(value).Should().Be(value);
    }
}
