using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Live;

/// <summary>SignalR's own in-process lifetime manager for the live hub, telling <see cref="LiveTransports"/> who is connected.</summary>
public sealed class LiveHubLifetimeManager(ILogger<DefaultHubLifetimeManager<LiveHub>> logger, LiveTransports transports)
    : DefaultHubLifetimeManager<LiveHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        transports.Add(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        transports.Remove(connection);
        await base.OnDisconnectedAsync(connection);
    }
}
