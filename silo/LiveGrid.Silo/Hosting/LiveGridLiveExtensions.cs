using LiveGrid.Silo.Json;
using LiveGrid.Silo.Live;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Hosting;

/// <summary>The push hub: SignalR with the API's JSON, the notifier and its metrics.</summary>
public static class LiveGridLiveExtensions
{
    public static WebApplicationBuilder AddLiveGridLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(options => LiveGridJson.Configure(options.PayloadSerializerOptions));
        builder.Services.AddOptions<LiveOptions>().Bind(builder.Configuration.GetSection(LiveOptions.SectionName)).Validate(
            options => options.FrameInterval > TimeSpan.Zero && options.BufferPerScope > 0 && options.MaxBacklogPerConnection > 0 && options.IdleScopeRetention >= TimeSpan.Zero,
            $"{LiveOptions.SectionName}: FrameInterval, BufferPerScope and MaxBacklogPerConnection must be positive");
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<LiveSnapshots>();
        // The live hub's lifetime manager hands its connections to the notifier (it writes one serialized frame to many).
        builder.Services.AddSingleton<LiveTransports>();
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>, LiveHubLifetimeManager>();
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveNotifier>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path);
        return endpoints;
    }
}
