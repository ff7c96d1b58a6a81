using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveGrid.Bench.Push;

/// <summary>
/// A headless city dashboard: subscribes to "city" over WebSockets and measures each frame's age on arrival, from the
/// earliest change folded into it (so every change in the frame waited at most that long).
/// </summary>
internal sealed class Dashboard(HubConnection connection, LatencyHistogram latencies) : IAsyncDisposable
{
    private long _last;
    private long _frames;
    private long _deltas;
    private long _gaps;

    public static volatile bool Measuring;

    public long Frames => Interlocked.Read(ref _frames);

    public long Deltas => Interlocked.Read(ref _deltas);

    public long Gaps => Interlocked.Read(ref _gaps);

    public static async Task<Dashboard> ConnectAsync(Uri hub, string accessToken, LatencyHistogram latencies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        var dashboard = new Dashboard(connection, latencies);
        connection.On<BenchBatch>("deltas", dashboard.Receive);
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<BenchSnapshot>("Subscribe", "city");
        dashboard._last = snapshot.Sequence;
        return dashboard;
    }

    private void Receive(BenchBatch batch)
    {
        var now = DateTimeOffset.UtcNow;
        var measuring = Measuring;
        if (measuring)
        {
            Interlocked.Increment(ref _frames);
            Interlocked.Add(ref _deltas, batch.Frames.Count);
        }

        foreach (var delta in batch.Frames)
        {
            if (delta.Sequence != _last + 1)
            {
                Interlocked.Increment(ref _gaps);
            }

            _last = delta.Sequence;
            if (measuring)
            {
                latencies.Record((now - delta.At).TotalMilliseconds);
            }
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
