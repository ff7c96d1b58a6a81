using System.Diagnostics.CodeAnalysis;

namespace LiveGrid.Grains.Territory;

/// <summary>街道/镇: the district's 6 digits plus 3, e.g. 110105001.</summary>
public sealed class StreetCode : TerritoryCode
{
    internal StreetCode(string value)
        : base(value)
    {
    }

    public override TerritoryLevel Level => TerritoryLevel.Street;

    public override DistrictCode Parent => new DistrictCode(Value[..6]);

    /// <exception cref="FormatException">The text is not a valid street code; the message says why.</exception>
    public static new StreetCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out StreetCode? code) =>
        TryParse(text, out code, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out StreetCode? code,
        [NotNullWhen(false)] out string? error)
    {
        error = Validate(text, TerritoryLevel.Street);
        code = error is null ? new StreetCode(text!) : null;
        return code is not null;
    }
}
