namespace LiveGrid.Silo.Scorecards;

/// <summary>One item of LiveGrid:Scorecard:Items, as configured; <see cref="ScorecardConfiguration"/> checks and converts it.</summary>
public sealed class ScorecardItemOptions
{
    public string? Key { get; set; }

    /// <summary>The item's Chinese name (按期办结).</summary>
    public string? Name { get; set; }

    public double MaxPoints { get; set; }

    /// <summary>A <see cref="LiveGrid.Grains.Scorecards.ScorecardMeasure"/> name, read as text so a typo gets a clear error.</summary>
    public string? Measure { get; set; }

    /// <summary>Linear, Deduct or Award.</summary>
    public string? Rule { get; set; }

    public double Floor { get; set; }

    public double Target { get; set; } = 1;

    public double PointsEach { get; set; }
}
