namespace LiveGrid.Silo.Reports;

/// <summary>One ranked row: a street, community, grid or unit with the figures it is ranked by.</summary>
/// <param name="Score">The quarterly assessment's points, null for other reports.</param>
public sealed record ReportRanking(int Rank, string Section, string Code, string Name, int Numerator, int Denominator, double? Rate, double? Score);
