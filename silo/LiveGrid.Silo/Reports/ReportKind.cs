namespace LiveGrid.Silo.Reports;

/// <summary>The report cadence of domain brief §5: 一日一小结, 一周一研判, 一月一通报, 一季度一考核.</summary>
public enum ReportKind
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
}
