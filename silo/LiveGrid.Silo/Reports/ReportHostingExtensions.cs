namespace LiveGrid.Silo.Reports;

/// <summary>Registers the report service, its options (LiveGrid:Reports) and the scheduler.</summary>
public static class ReportHostingExtensions
{
    public static WebApplicationBuilder AddLiveGridReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().Bind(builder.Configuration.GetSection(ReportOptions.Section));
        builder.Services.AddSingleton<ReportService>();
        builder.Services.AddSingleton<LiveGrid.Grains.Reports.IReportGenerator>(sp => sp.GetRequiredService<ReportService>());
        return builder;
    }
}
