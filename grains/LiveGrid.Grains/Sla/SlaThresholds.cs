namespace LiveGrid.Grains.Sla;

/// <summary>
/// Fractions of a limit at which a ticket enters the next <see cref="AgingBucket"/>. A bucket begins at the instant the
/// used fraction reaches its threshold, so with the default Overdue of 1.0 a ticket is in <see cref="AgingBucket.Overdue"/>
/// from its deadline instant on.
/// </summary>
public sealed class SlaThresholds
{
    public double Midway { get; set; } = 0.5;

    /// <summary>The warning (预警) threshold.</summary>
    public double Warning { get; set; } = 0.75;

    public double Overdue { get; set; } = 1.0;

    /// <summary>An independent copy, checked: 0 &lt; Midway &lt; Warning &lt; Overdue.</summary>
    public SlaThresholds Validated()
    {
        if (!(Midway > 0 && Midway < Warning && Warning < Overdue && double.IsFinite(Overdue) && Overdue <= 10))
        {
            throw new ArgumentException(
                $"Aging thresholds must satisfy 0 < Midway < Warning < Overdue <= 10; got {Midway}, {Warning}, {Overdue}.");
        }

        return new SlaThresholds { Midway = Midway, Warning = Warning, Overdue = Overdue };
    }
}
