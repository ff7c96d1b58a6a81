using LiveGrid.Grains.Scorecards;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Scorecards;
using LiveGrid.Silo.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace LiveGrid.Silo.Tests.Scorecards;

/// <summary>LiveGrid:Scorecard is checked at start: a scorecard that does not add up or names an unknown measure stops the host.</summary>
public sealed class ScorecardConfigurationTests
{
    [Fact]
    public void An_unknown_measure_stops_the_host_naming_the_key_and_the_allowed_values()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Memory",
            ["LiveGrid:Scorecard:Items:2:Measure"] = "Happiness",
        });

        build.Should().Throw<LiveGridConfigurationException>()
            .WithMessage("*LiveGrid:Scorecard:Items:2:Measure is 'Happiness'*Allowed values: OnTimeResolution, Response*");
    }

    [Fact]
    public void Items_that_do_not_add_up_to_a_thousand_stop_the_host()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Memory",
            ["LiveGrid:Scorecard:Items:0:MaxPoints"] = "300",
        });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*LiveGrid:Scorecard*add up to 1000 points*they add up to 1050*");
    }

    [Fact]
    public void The_items_written_in_appsettings_are_the_default_scorecard()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        ScorecardConfiguration.Read(configuration).Items.Should().Equal(Scorecard.DefaultItems);
    }

    [Fact]
    public void Configured_items_replace_the_defaults_and_no_items_means_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveGrid:Scorecard:Items:0:Key"] = "onTime",
            ["LiveGrid:Scorecard:Items:0:Name"] = "按期办结",
            ["LiveGrid:Scorecard:Items:0:MaxPoints"] = "700",
            ["LiveGrid:Scorecard:Items:0:Measure"] = "onTimeResolution",
            ["LiveGrid:Scorecard:Items:0:Rule"] = "linear",
            ["LiveGrid:Scorecard:Items:0:Floor"] = "0.5",
            ["LiveGrid:Scorecard:Items:1:Key"] = "missed",
            ["LiveGrid:Scorecard:Items:1:Name"] = "漏巡",
            ["LiveGrid:Scorecard:Items:1:MaxPoints"] = "300",
            ["LiveGrid:Scorecard:Items:1:Measure"] = "MissedPatrols",
            ["LiveGrid:Scorecard:Items:1:Rule"] = "Deduct",
            ["LiveGrid:Scorecard:Items:1:PointsEach"] = "20",
        }).Build();

        ScorecardConfiguration.Read(configuration).Items.Should().Equal(
            new ScorecardItem("onTime", "按期办结", 700, ScorecardMeasure.OnTimeResolution, ScorecardRule.Linear, Floor: 0.5, Target: 1),
            new ScorecardItem("missed", "漏巡", 300, ScorecardMeasure.MissedPatrols, ScorecardRule.Deduct, PointsEach: 20));
        ScorecardConfiguration.Read(new ConfigurationBuilder().Build()).Should().BeSameAs(Scorecard.Default);
    }

    [Fact]
    public void A_rule_given_as_a_number_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveGrid:Scorecard:Items:0:Key"] = "onTime",
            ["LiveGrid:Scorecard:Items:0:Name"] = "按期办结",
            ["LiveGrid:Scorecard:Items:0:MaxPoints"] = "1000",
            ["LiveGrid:Scorecard:Items:0:Measure"] = "OnTimeResolution",
            ["LiveGrid:Scorecard:Items:0:Rule"] = "0",
        }).Build();

        var read = () => ScorecardConfiguration.Read(configuration);

        read.Should().Throw<LiveGridConfigurationException>().WithMessage("*Items:0:Rule is '0'*Allowed values: Linear, Deduct, Award*");
    }
}
