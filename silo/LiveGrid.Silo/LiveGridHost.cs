using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Endpoints;
using LiveGrid.Silo.Hosting;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Scorecards;
using LiveGrid.Silo.Testing;

namespace LiveGrid.Silo;

/// <summary>Builds LiveGrid's web host. Program.cs runs it; tests start the same host in-process.</summary>
public static class LiveGridHost
{
    /// <summary>Where LiveGrid listens unless ASPNETCORE_URLS, --urls or Kestrel settings say otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="args">Command-line arguments; they override appsettings.json and environment variables.</param>
    /// <param name="configure">Runs right after the builder is created, before LiveGrid reads its configuration; a
    /// <see cref="TimeProvider"/> registered here is the clock of the grains and the API (tests drive time this way).</param>
    /// <exception cref="Configuration.LiveGridConfigurationException">The configuration names something LiveGrid cannot use.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Named explicitly so the host is the same app when a test runner is the entry assembly.
            ApplicationName = typeof(LiveGridHost).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        builder.AddTestClockIfEnabled();

        builder.UseUrlUnlessConfigured(DefaultUrl);
        builder.AddLiveGridRuntime();
        // Right after the runtime: the bootstrap administrator is written before the start-up work (a demo city) floods the store.
        builder.AddLiveGridAuth();
        builder.AddLiveGridBlobs();
        builder.AddLiveGridEvidence();
        builder.AddLiveGridDomain();
        builder.AddLiveGridApi();
        builder.AddLiveGridLive();
        builder.AddLiveGridReports();
        builder.AddLiveGridScorecard();

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The front end (frontend/, built into wwwroot): "/" is the command board, /console.html and /worker.html the others.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // After the static files: the front end (and its sign-in page) loads without a user.
        app.UseLiveGridAuth();
        app.UseOutputCache();

        // Only the one document there is: the default "/openapi/{documentName}.json" answers other names with a bare text 404.
        // It never changes while the host runs, and generating it is costly enough to load the host from outside: cache it.
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous().CacheOutput(policy => policy.Expire(TimeSpan.FromDays(1)));
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapTicketEndpoints();
        app.MapCallerEndpoints();
        app.MapInspectionEndpoints();
        app.MapEvidenceEndpoints();
        app.MapBoardEndpoints();
        app.MapWorkerEndpoints();
        app.MapMetaEndpoints();
        app.MapTerritoryEndpoints();
        app.MapKpiEndpoints();
        app.MapScorecardEndpoints();
        app.MapReportEndpoints();
        app.MapLiveHub();
        app.MapTestClockIfEnabled(app.Configuration);

        app.AnnounceWhenStarted();
        return app;
    }
}
