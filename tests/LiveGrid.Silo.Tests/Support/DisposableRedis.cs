using System.Diagnostics;
using System.Globalization;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// A redis-server of this test's own, which the test may kill: unlike <see cref="RedisServer"/>, never the
/// shared server named by LIVEGRID_TEST_REDIS, which other tests are using.
/// </summary>
internal sealed class DisposableRedis : IAsyncDisposable
{
    private readonly Process _process;

    private DisposableRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<DisposableRedis> StartAsync()
    {
        var port = LoopbackPort.GetFree();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server on port {port} exited during start-up"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new DisposableRedis(process, port);
        try
        {
            await ready.Task.WaitAsync(Eventually.Timeout);
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server outright, as a crash or a lost host would, and waits until it is gone.</summary>
    public Task KillAsync() => OwnedProcess.KillAsync(_process);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
