using System.Diagnostics.CodeAnalysis;

namespace LiveGrid.Grains.Territory;

/// <summary>区: the 6-digit administrative division code, e.g. 110105 (朝阳区).</summary>
public sealed class DistrictCode : TerritoryCode
{
    internal DistrictCode(string value)
        : base(value)
    {
    }

    public override TerritoryLevel Level => TerritoryLevel.District;

    public override TerritoryCode? Parent => null;

    /// <exception cref="FormatException">The text is not a valid district code; the message says why.</exception>
    public static new DistrictCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DistrictCode? code) =>
        TryParse(text, out code, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out DistrictCode? code,
        [NotNullWhen(false)] out string? error)
    {
        error = Validate(text, TerritoryLevel.District);
        code = error is null ? new DistrictCode(text!) : null;
        return code is not null;
    }
}
