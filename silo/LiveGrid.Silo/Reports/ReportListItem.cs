namespace LiveGrid.Silo.Reports;

/// <summary>One stored report in the listing: its formats, their total size and when it was made.</summary>
public sealed record ReportListItem(string Kind, string Period, IReadOnlyList<string> Formats, long Size, DateTimeOffset Created);
