using System.Diagnostics;

namespace LiveGrid.Testing;

/// <summary>Ending a server process a test started itself (redis-server, azurite-blob).</summary>
public static class OwnedProcess
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    /// <summary>Kills <paramref name="process"/> with its children unless it has exited, and waits until it is gone.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(ExitWait).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
