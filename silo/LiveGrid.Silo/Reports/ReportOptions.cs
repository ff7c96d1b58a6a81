namespace LiveGrid.Silo.Reports;

/// <summary>LiveGrid:Reports: when the scheduled reports are made and how the quarterly assessment scores units.</summary>
public sealed class ReportOptions
{
    public const string Section = "LiveGrid:Reports";

    /// <summary>Whether the scheduler makes the due reports by itself.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>Local time of day the due reports are made: daily every day, weekly on Monday, monthly on the 1st, quarterly on a quarter's first day.</summary>
    public TimeOnly DailyAt { get; set; } = new(6, 0);

    /// <summary>On-time rate at or above which a unit gets <see cref="FullPoints"/> (考核: ≥ 70% → 50 points).</summary>
    public double PassingOnTimeRate { get; set; } = 0.70;

    public double FullPoints { get; set; } = 50;

    /// <summary>Points lost per percentage point below <see cref="PassingOnTimeRate"/>.</summary>
    public double PointsPerPercentBelow { get; set; } = 1;

    /// <summary>Points a unit loses per failed verification (核查不合格) of its tickets in the quarter (考核: −0.2 each).</summary>
    public double PointsPerFailedVerification { get; set; } = 0.2;

    /// <summary>How many grids the weekly analysis lists as hotspots.</summary>
    public int Hotspots { get; set; } = 10;
}
