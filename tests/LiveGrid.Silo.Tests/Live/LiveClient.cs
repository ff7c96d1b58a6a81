using System.Text.Json;
using LiveGrid.Silo.Live;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>A dashboard as the push protocol sees it: the real SignalR client over WebSockets, recording every "deltas" batch.</summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedBatch> _batches = [];

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>(LiveNotifier.DeltasMethod, batch =>
        {
            var deltas = batch.GetProperty("frames").EnumerateArray().Select(ReceivedDelta.From).ToList();
            lock (_lock)
            {
                _batches.Add(new ReceivedBatch(deltas, batch.GetProperty("sentAt").GetDateTimeOffset()));
            }
        });
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<ReceivedBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<ReceivedDelta> Deltas => [.. Batches.SelectMany(b => b.Deltas)];

    /// <summary>Connects with <paramref name="accessToken"/> (default: the silo's administrator), as the contract's AccessTokenProvider.</summary>
    public static async Task<LiveClient> ConnectAsync(ApiSilo silo, string? accessToken = null)
    {
        var token = accessToken ?? silo.AccessToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.Http.BaseAddress!, LiveHub.Path), HttpTransportType.WebSockets,
                options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync().WaitAsync(Eventually.Timeout);
        return client;
    }

    public async Task<JsonElement> SubscribeAsync(string scope) =>
        await Connection.InvokeAsync<JsonElement>("Subscribe", scope).WaitAsync(Eventually.Timeout);

    public async Task<JsonElement> ResumeAsync(string scope, long afterSequence) =>
        await Connection.InvokeAsync<JsonElement>("Resume", scope, afterSequence).WaitAsync(Eventually.Timeout);

    /// <summary>Waits until a received delta satisfies <paramref name="condition"/>.</summary>
    public Task WaitForAsync(Func<ReceivedDelta, bool> condition, string what) =>
        Eventually.UntilAsync(() => Deltas.Any(condition), what);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
