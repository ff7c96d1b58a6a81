using LiveGrid.Grains.Scorecards;
using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Scorecards;

/// <summary>Reads and checks LiveGrid:Scorecard at start: a scorecard that does not add up to 1,000 or names an unknown measure stops the host.</summary>
public static class ScorecardConfiguration
{
    /// <exception cref="LiveGridConfigurationException">The items are not a usable scorecard; the message names the key and what is allowed.</exception>
    public static Scorecard Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ScorecardOptions options;
        try
        {
            options = configuration.GetSection(ScorecardOptions.Section).Get<ScorecardOptions>() ?? new ScorecardOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new LiveGridConfigurationException($"a setting under {ScorecardOptions.Section} has the wrong form: {ex.Message}");
        }

        if (options.Items.Count == 0)
        {
            return Scorecard.Default;
        }

        var problems = new List<string>();
        var items = new List<ScorecardItem>();
        for (var i = 0; i < options.Items.Count; i++)
        {
            var item = options.Items[i];
            var key = $"{ScorecardOptions.Section}:Items:{i}";
            if (!TryParse<ScorecardMeasure>(item.Measure, out var measure))
            {
                problems.Add($"{key}:Measure is '{item.Measure}', which is not a measure. Allowed values: {string.Join(", ", Enum.GetNames<ScorecardMeasure>())}.");
            }

            if (!TryParse<ScorecardRule>(item.Rule, out var rule))
            {
                problems.Add($"{key}:Rule is '{item.Rule}', which is not a rule. Allowed values: {string.Join(", ", Enum.GetNames<ScorecardRule>())}.");
            }

            items.Add(new ScorecardItem(item.Key?.Trim() ?? "", item.Name?.Trim() ?? "", item.MaxPoints, measure, rule, item.Floor, item.Target, item.PointsEach));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Scorecard.Problems(items));
        }

        if (problems.Count > 0)
        {
            throw new LiveGridConfigurationException($"the scorecard under {ScorecardOptions.Section} is not usable: {string.Join(" ", problems)}");
        }

        return Scorecard.Create(items);
    }

    /// <summary>By name only: a number would pick an enum member by position, which nobody means.</summary>
    private static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
