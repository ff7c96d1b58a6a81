using System.Globalization;
using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.Redis;

/// <summary>
/// A reminder as one hash field value: "startUtcTicks|periodTicks|etag". The Lua scripts append and read the
/// ETag part, so this format and <see cref="RedisScripts"/> change together.
/// </summary>
internal static class RedisReminderValue
{
    public static string Encode(ReminderEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.StartAt.UtcTicks}|{entry.Period.Ticks}");

    public static ReminderEntry Decode(GrainId grainId, string reminderName, string value)
    {
        var parts = value.Split('|');
        if (parts.Length != 3)
        {
            throw new FormatException($"Reminder '{reminderName}' of {grainId} has a malformed value '{value}'.");
        }

        return new ReminderEntry(
            grainId,
            reminderName,
            new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero),
            TimeSpan.FromTicks(long.Parse(parts[1], CultureInfo.InvariantCulture)),
            parts[2]);
    }
}
