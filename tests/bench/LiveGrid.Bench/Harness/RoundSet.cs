using System.Globalization;

namespace LiveGrid.Bench.Harness;

/// <summary>The measured rounds of one figure (warm-up excluded) and their median.</summary>
public sealed record RoundSet(double[] Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>"median of 3: a / b / c", for the table's note column.</summary>
    public string Describe(string format = "#,0") =>
        $"median of {Values.Length}: " + string.Join(" / ", Values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
