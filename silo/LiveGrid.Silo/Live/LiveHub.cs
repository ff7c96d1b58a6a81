using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Live;

/// <summary>
/// The push hub at /hubs/live (see the push protocol): Subscribe returns a scope's snapshot and its sequence, Resume
/// the deltas missed during a reconnect (or a snapshot), and the <see cref="LiveNotifier"/> sends "deltas" batches.
/// </summary>
public sealed class LiveHub(LiveNotifier notifier) : Hub
{
    public const string Path = "/hubs/live";

    public Task<Snapshot> Subscribe(string scope) => notifier.SubscribeAsync(Context.ConnectionId, scope);

    public Task<ResumeResult> Resume(string scope, long afterSequence) => notifier.ResumeAsync(Context.ConnectionId, scope, afterSequence);

    public void Unsubscribe(string scope) => notifier.Unsubscribe(Context.ConnectionId, scope);

    public override Task OnConnectedAsync()
    {
        notifier.Connect(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        notifier.Disconnect(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
