using System.Diagnostics;
using LiveGrid.Blobs;

namespace LiveGrid.Silo.Health;

/// <summary>Asks the blob store whether it is healthy, and turns silence or an error into an unhealthy answer.</summary>
public static class BlobStoreProbe
{
    /// <summary>Same budget as the grain store's probe: a health check must not hang its caller.</summary>
    public static readonly TimeSpan Timeout = StorageProbe.Timeout;

    public static async Task<BlobStoreHealth> CheckAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            return await store.CheckHealthAsync(deadline.Token).WaitAsync(Timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new BlobStoreHealth(store.ProviderName, false, Stopwatch.GetElapsedTime(started), $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new BlobStoreHealth(store.ProviderName, false, Stopwatch.GetElapsedTime(started), ex.Message);
        }
    }
}
