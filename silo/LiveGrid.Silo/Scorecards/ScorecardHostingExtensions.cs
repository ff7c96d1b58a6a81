namespace LiveGrid.Silo.Scorecards;

/// <summary>Registers the scorecard (LiveGrid:Scorecard, checked now so a bad one stops the host before it serves) and its service.</summary>
public static class ScorecardHostingExtensions
{
    public static WebApplicationBuilder AddLiveGridScorecard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ScorecardConfiguration.Read(builder.Configuration));
        builder.Services.AddSingleton<ScorecardService>();
        return builder;
    }
}
