using System.Diagnostics;
using LiveGrid.Runtime.Storage;

namespace LiveGrid.Silo.Health;

/// <summary>Asks the store whether it is healthy, and turns silence or an error into an unhealthy answer.</summary>
public static class StorageProbe
{
    /// <summary>A store that has not answered by then counts as unhealthy: a health check must not hang its caller.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<StorageHealth> CheckAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            // WaitAsync as well as the token: a provider that ignores cancellation must not hold the probe.
            return await storage.CheckHealthAsync(deadline.Token).WaitAsync(Timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new StorageHealth(storage.ProviderName, false, Stopwatch.GetElapsedTime(started),
                $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new StorageHealth(storage.ProviderName, false, Stopwatch.GetElapsedTime(started), ex.Message);
        }
    }
}
