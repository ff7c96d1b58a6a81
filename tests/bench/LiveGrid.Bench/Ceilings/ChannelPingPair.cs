using System.Threading.Channels;

namespace LiveGrid.Bench.Ceilings;

/// <summary>
/// This machine's ceiling for an in-process request/response: one caller and one reader loop joined by a
/// <see cref="Channel{T}"/>, each request answered through its own TaskCompletionSource. A grain call does
/// the same hand-off plus addressing, the turn rule and a timeout, so it cannot beat this.
/// <para>
/// With <c>asynchronousReplies</c> the caller resumes on the thread pool, as a grain caller does (the kernel's
/// call promise uses RunContinuationsAsynchronously so a caller never runs inside the callee's turn); without,
/// the caller resumes inline on the reader's thread, the cheapest hand-off there is.
/// </para>
/// </summary>
public sealed class ChannelPingPair : IAsyncDisposable
{
    private readonly Channel<PingRequest> _requests =
        Channel.CreateUnbounded<PingRequest>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly TaskCreationOptions _replyOptions;
    private readonly Task _reader;

    public ChannelPingPair(bool asynchronousReplies)
    {
        _replyOptions = asynchronousReplies ? TaskCreationOptions.RunContinuationsAsynchronously : TaskCreationOptions.None;
        _reader = Task.Run(ReadLoopAsync);
    }

    public Task<int> Ping(int value)
    {
        var request = new PingRequest(value, _replyOptions);
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
