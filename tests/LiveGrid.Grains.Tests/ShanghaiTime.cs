using System.Globalization;

namespace LiveGrid.Grains.Tests;

/// <summary>
/// Test instants written as Shanghai wall time ("2026-03-09 10:00" means 02:00Z). The fixed +08:00 offset is an
/// oracle independent of the calendar's own time-zone handling (China has no daylight saving).
/// </summary>
internal static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fffffff"];

    /// <summary>The UTC instant of a Shanghai wall time.</summary>
    public static DateTimeOffset At(string local) =>
        new DateTimeOffset(DateTime.ParseExact(local, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None), Offset).ToUniversalTime();

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Asserts a calendar result: the expected Shanghai wall time, returned as UTC (offset zero).</summary>
    public static void ShouldBeAt(this DateTimeOffset actual, string expectedLocal, string because = "")
    {
        Show(actual).Should().Be(Show(At(expectedLocal)), because);
        actual.Offset.Should().Be(TimeSpan.Zero, "the calendar returns UTC instants");
    }

    /// <summary>Shows an instant as Shanghai wall time, so failures read like the tables.</summary>
    public static string Show(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
