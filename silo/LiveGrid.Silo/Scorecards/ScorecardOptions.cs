namespace LiveGrid.Silo.Scorecards;

/// <summary>
/// LiveGrid:Scorecard: the grid staff's 千分制 items. No items configured means the defaults
/// (<see cref="LiveGrid.Grains.Scorecards.Scorecard.DefaultItems"/>, also written out in appsettings.json). Configuration
/// lists merge by index: to replace the items, list them all.
/// </summary>
public sealed class ScorecardOptions
{
    public const string Section = "LiveGrid:Scorecard";

    public List<ScorecardItemOptions> Items { get; set; } = [];
}
