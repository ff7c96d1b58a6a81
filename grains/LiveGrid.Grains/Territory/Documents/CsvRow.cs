namespace LiveGrid.Grains.Territory.Documents;

/// <summary>One record of a CSV file and the line it starts on (1-based, header included), for problem messages.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
