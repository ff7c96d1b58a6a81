using LiveGrid.Silo.Auth;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Live;

/// <summary>
/// The push hub at /hubs/live (see the push protocol): Subscribe returns a scope's snapshot and its sequence, Resume
/// the deltas missed during a reconnect (or a snapshot), and the <see cref="LiveNotifier"/> sends "deltas" batches.
/// </summary>
public sealed class LiveHub(LiveNotifier notifier, HubAccess access) : Hub
{
    public const string Path = "/hubs/live";

    public async Task<Snapshot> Subscribe(string scope)
    {
        await CheckAccessAsync(scope);
        return await notifier.SubscribeAsync(Context.ConnectionId, scope);
    }

    public async Task<ResumeResult> Resume(string scope, long afterSequence)
    {
        await CheckAccessAsync(scope);
        return await notifier.ResumeAsync(Context.ConnectionId, scope, afterSequence);
    }

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

    /// <summary>Scopes are checked against the signed-in user at subscribe and at resume (see <see cref="HubAccess"/>).</summary>
    private async Task CheckAccessAsync(string scope)
    {
        if (await access.RefuseAsync(LiveGridUser.From(Context.User), scope) is { } refusal)
        {
            throw new HubException($"Forbidden: {refusal}");
        }
    }
}
