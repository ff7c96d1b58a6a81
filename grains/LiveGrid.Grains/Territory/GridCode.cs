using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiveGrid.Grains.Territory;

/// <summary>
/// 网格编码: 15 digits, 6 district + 3 street + 3 community + 3 grid sequence, e.g. 110105001002003 is grid 3 of
/// community 110105001002.
/// </summary>
public sealed class GridCode : TerritoryCode
{
    internal GridCode(string value)
        : base(value)
    {
    }

    public override TerritoryLevel Level => TerritoryLevel.Grid;

    public override CommunityCode Parent => CommunityCode;

    /// <summary>The first 6 digits.</summary>
    public DistrictCode DistrictCode => new(Value[..6]);

    /// <summary>The first 9 digits.</summary>
    public StreetCode StreetCode => new(Value[..9]);

    /// <summary>The first 12 digits.</summary>
    public CommunityCode CommunityCode => new(Value[..12]);

    /// <summary>The grid's number within its community, 1-999.</summary>
    public int Sequence => int.Parse(Value.AsSpan(12, 3), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <exception cref="FormatException">The text is not a valid grid code; the message says why.</exception>
    public static new GridCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out GridCode? code) =>
        TryParse(text, out code, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out GridCode? code,
        [NotNullWhen(false)] out string? error)
    {
        error = Validate(text, TerritoryLevel.Grid);
        code = error is null ? new GridCode(text!) : null;
        return code is not null;
    }
}
