namespace LiveGrid.Grains.Kpis;

/// <summary>
/// One measure of a KPI report with both counts, so a report shows what the rate is made of.
/// <see cref="Rate"/> is <see cref="Numerator"/> / <see cref="Denominator"/>, or null when the denominator is 0.
/// </summary>
/// <param name="Name">The measure's key ("onTimeResolution").</param>
/// <param name="Label">The measure in the domain's words (按期办结率...).</param>
public sealed record KpiRate(string Name, string Label, int Numerator, int Denominator)
{
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;
}
