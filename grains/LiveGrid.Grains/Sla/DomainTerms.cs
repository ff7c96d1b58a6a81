
namespace LiveGrid.Grains.Sla;

/// <summary>
/// The Chinese words users and their data use for priorities and request kinds, both ways: configuration and
/// imported tickets may say "紧急" or "Urgent".
/// </summary>
public static class DomainTerms
{
    public static string ToChinese(this Priority priority) => priority switch
    {
        Priority.Urgent => "紧急",
        Priority.Normal => "一般",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public static string ToChinese(this RequestKind kind) => kind switch
    {
        RequestKind.Inquiry => "咨询",
        RequestKind.Help => "求助",
        RequestKind.Complaint => "投诉",
        RequestKind.Report => "举报",
        RequestKind.Suggestion => "建议",
        RequestKind.Praise => "表扬",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Accepts the English enum name (any case) or the Chinese word.</summary>
    public static bool TryParsePriority(string? text, out Priority priority) =>
        TryParse(text, ToChinese, out priority);

    /// <summary>Accepts the English enum name (any case) or the Chinese word.</summary>
    public static bool TryParseRequestKind(string? text, out RequestKind kind) =>
        TryParse(text, ToChinese, out kind);

    private static bool TryParse<T>(string? text, Func<T, string> chinese, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            foreach (var candidate in Enum.GetValues<T>())
            {
                if (string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || chinese(candidate) == trimmed)
                {
                    value = candidate;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
