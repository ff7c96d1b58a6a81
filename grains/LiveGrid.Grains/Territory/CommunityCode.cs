using System.Diagnostics.CodeAnalysis;

namespace LiveGrid.Grains.Territory;

/// <summary>社区/村: the street's 9 digits plus 3, e.g. 110105001002.</summary>
public sealed class CommunityCode : TerritoryCode
{
    internal CommunityCode(string value)
        : base(value)
    {
    }

    public override TerritoryLevel Level => TerritoryLevel.Community;

    public override StreetCode Parent => new StreetCode(Value[..9]);

    /// <exception cref="FormatException">The text is not a valid community code; the message says why.</exception>
    public static new CommunityCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CommunityCode? code) =>
        TryParse(text, out code, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out CommunityCode? code,
        [NotNullWhen(false)] out string? error)
    {
        error = Validate(text, TerritoryLevel.Community);
        code = error is null ? new CommunityCode(text!) : null;
        return code is not null;
    }
}
