using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Live;

/// <summary>
/// The hub's open connections by id, as SignalR holds them: the notifier writes one serialized message to all the
/// connections of a group through them, instead of a send per connection that serializes the message again each time.
/// </summary>
public sealed class LiveTransports
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    public void Add(HubConnectionContext connection) => _connections[connection.ConnectionId] = connection;

    public void Remove(HubConnectionContext connection) =>
        _connections.TryRemove(new KeyValuePair<string, HubConnectionContext>(connection.ConnectionId, connection));

    public HubConnectionContext? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);
}
