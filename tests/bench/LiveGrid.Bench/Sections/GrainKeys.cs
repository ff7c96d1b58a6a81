using System.Globalization;

namespace LiveGrid.Bench.Sections;

/// <summary>Keys shaped like LiveGrid's real ones (15-digit grid codes), so key strings weigh what they will in production.</summary>
public static class GrainKeys
{
    private const long FirstGridCode = 110_101_000_000_000;

    public static string GridCode(int index) => (FirstGridCode + index).ToString(CultureInfo.InvariantCulture);
}
