using System.Globalization;

namespace LiveGrid.Bench.Reporting;

/// <summary>A target a figure must meet: at least or at most <see cref="Limit"/>.</summary>
public sealed record Goal(bool AtLeast, double Limit, string Unit)
{
    public static Goal Min(double limit, string unit = "") => new(true, limit, unit);

    public static Goal Max(double limit, string unit = "") => new(false, limit, unit);

    public bool IsMet(double value) => AtLeast ? value >= Limit : value <= Limit;

    public override string ToString() =>
        (AtLeast ? ">= " : "<= ") + Limit.ToString("#,0.###", CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : string.Empty);
}
