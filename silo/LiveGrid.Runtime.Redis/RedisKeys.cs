using StackExchange.Redis;

namespace LiveGrid.Runtime.Redis;

/// <summary>
/// The key layout. Names are joined with ':' after escaping '%' and ':' inside them, so
/// ("a:b", "c") and ("a", "b:c") can never map to the same key, while keys stay readable in redis-cli.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>Counter that hands out ETags: never repeats, not even after a clear.</summary>
    public RedisKey EtagSequence { get; } = prefix + "etag-seq";

    /// <summary>Set of the grains that have reminders, so ReadAll can SSCAN instead of KEYS.</summary>
    public RedisKey ReminderIndex { get; } = prefix + "reminder-index";

    /// <summary>Hash with fields data and etag.</summary>
    public RedisKey State(string stateName, GrainId grainId) =>
        $"{prefix}state:{Escape(stateName)}:{Escape(grainId.Type)}:{Escape(grainId.Key)}";

    /// <summary>Hash of one grain's reminders: field = reminder name, value = <see cref="RedisReminderValue"/>.</summary>
    public RedisKey Reminders(string indexMember) => $"{prefix}reminders:{indexMember}";

    public static string IndexMember(GrainId grainId) => $"{Escape(grainId.Type)}:{Escape(grainId.Key)}";

    public static GrainId ParseIndexMember(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"'{member}' is not a reminder index entry.");
        }

        return new GrainId(Unescape(member[..colon]), Unescape(member[(colon + 1)..]));
    }

    private static string Escape(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);

    private static string Unescape(string value) => value.Replace("%3A", ":", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
