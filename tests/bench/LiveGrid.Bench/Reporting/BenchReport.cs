using System.Globalization;
using System.Text;

namespace LiveGrid.Bench.Reporting;

/// <summary>Collects figures, prints each section's table as soon as it is done, and the summary at the end.</summary>
public sealed class BenchReport(TextWriter output)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _contention = [];

    public IReadOnlyList<Figure> Figures => _figures;

    public TextWriter Output { get; } = output;

    public Figure Add(Figure figure)
    {
        _figures.Add(figure);
        return figure;
    }

    /// <summary>A line of explanation printed with the summary (e.g. what a figure includes).</summary>
    public void Note(string note) => _notes.Add(note);

    public void Progress(string message) => Output.WriteLine($"  .. {message}");

    /// <summary>Prints the section's table and how much CPU other processes took meanwhile.</summary>
    public void PrintSection(string section, string contention)
    {
        var rows = _figures.Where(f => f.Section == section).ToList();
        Output.WriteLine();
        WriteTable(rows, includeSection: false);
        Output.WriteLine($"  [{section}] while measuring: {contention}");
        _contention.Add($"{section}: {contention}");
        Output.WriteLine();
    }

    public void PrintSummary()
    {
        Output.WriteLine();
        Output.WriteLine("==== Summary (paste into README) ====");
        Output.WriteLine();
        Output.WriteLine("| area | figure | value | goal | result |");
        Output.WriteLine("|---|---|---:|---|---|");
        foreach (var f in _figures.Where(f => f.Goal is not null || f.InSummary))
        {
            Output.WriteLine($"| {f.Section} | {f.Name} | {FormatValue(f.Value)} {f.Unit} | {f.Goal?.ToString() ?? ""} | {Verdict(f)} |");
        }

        if (_notes.Count > 0)
        {
            Output.WriteLine();
            foreach (var note in _notes)
            {
                Output.WriteLine($"- {note}");
            }
        }

        if (_contention.Count > 0)
        {
            Output.WriteLine();
            Output.WriteLine("CPU taken by other processes while measuring:");
            foreach (var line in _contention)
            {
                Output.WriteLine($"- {line}");
            }
        }

        var goals = _figures.Count(f => f.Goal is not null);
        var missed = _figures.Count(f => f.Passed == false);
        Output.WriteLine();
        Output.WriteLine($"{goals - missed} of {goals} goals met" + (missed > 0 ? $", {missed} missed" : string.Empty) + ".");
    }

    private void WriteTable(IReadOnlyList<Figure> rows, bool includeSection)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var nameWidth = Math.Max(6, rows.Max(r => r.Name.Length));
        var valueWidth = Math.Max(5, rows.Max(r => FormatValue(r.Value).Length));
        var unitWidth = Math.Max(4, rows.Max(r => r.Unit.Length));
        var goalWidth = Math.Max(4, rows.Max(r => r.Goal?.ToString().Length ?? 0));
        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"  {"figure".PadRight(nameWidth)}  {"value".PadLeft(valueWidth)} {"unit".PadRight(unitWidth)}  {"goal".PadRight(goalWidth)}  result");
        Output.WriteLine(header.ToString());
        Output.WriteLine("  " + new string('-', header.Length - 2));
        foreach (var row in rows)
        {
            var name = includeSection ? $"{row.Section}: {row.Name}" : row.Name;
            var line = $"  {name.PadRight(nameWidth)}  {FormatValue(row.Value).PadLeft(valueWidth)} {row.Unit.PadRight(unitWidth)}  {(row.Goal?.ToString() ?? string.Empty).PadRight(goalWidth)}  {Verdict(row)}";
            Output.WriteLine(line.TrimEnd());
            if (row.Note is { Length: > 0 } note)
            {
                Output.WriteLine($"  {string.Empty.PadRight(nameWidth)}    ({note})");
            }
        }
    }

    private static string Verdict(Figure figure) => figure.Passed switch
    {
        true => "PASS",
        false => "MISS",
        null => string.Empty,
    };

    public static string FormatValue(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
