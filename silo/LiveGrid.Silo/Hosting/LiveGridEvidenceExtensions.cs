using LiveGrid.Silo.Evidence;

namespace LiveGrid.Silo.Hosting;

public static class LiveGridEvidenceExtensions
{
    /// <summary>Evidence photo limits from LiveGrid:Evidence.</summary>
    public static WebApplicationBuilder AddLiveGridEvidence(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection(EvidenceOptions.Section));
        return builder;
    }
}
