namespace LiveGrid.Grains.Territory;

/// <summary>The Chinese names of <see cref="CompoundKind"/>, both ways: imported grid tables say "物管小区".</summary>
public static class CompoundKindNames
{
    public static string ToChinese(this CompoundKind kind) => kind switch
    {
        CompoundKind.SelfManaged => "自管小区",
        CompoundKind.PropertyManaged => "物管小区",
        CompoundKind.WorkUnit => "单位小区",
        CompoundKind.Scattered => "散居民区",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Accepts the Chinese name or the English enum name (any case).</summary>
    public static bool TryParseCompoundKind(string? text, out CompoundKind kind)
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<CompoundKind>())
        {
            if (trimmed == candidate.ToChinese() || string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
