using System.Threading.Channels;

namespace LiveGrid.Bench.Ceilings;

/// <summary>
/// This machine's ceiling for an in-process request/response: one caller and one reader loop joined by a
/// <see cref="Channel{T}"/>, each request answered through its own TaskCompletionSource. A grain call does
/// the same hand-off plus addressing, the turn rule and a timeout, so it cannot beat this.
/// </summary>
public sealed class ChannelPingPair : IAsyncDisposable
{
    private readonly Channel<PingRequest> _requests =
        Channel.CreateUnbounded<PingRequest>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Task _reader;

    public ChannelPingPair()
    {
        _reader = Task.Run(ReadLoopAsync);
    }

    public Task<int> Ping(int value)
    {
        var request = new PingRequest(value);
        _requests.Writer.TryWrite(request);
        return request.Reply.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _reader;
    }

    private async Task ReadLoopAsync()
    {
        var reader = _requests.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.SetResult(request.Value + 1);
            }
        }
    }
}
