using System.Diagnostics;
using System.Globalization;

namespace LiveGrid.Testing;

/// <summary>
/// A redis-server of the test's own with the durable settings of deploy/redis-start.sh (append-only file, fsync per
/// write), on a fixed port and folder, so a test can kill it (an outage, a crash) and start it again on the same data.
/// Never the shared server named by LIVEGRID_TEST_REDIS.
/// </summary>
public sealed class RestartableRedis : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private Process? _process;

    private RestartableRedis(TempDirectory folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RestartableRedis> StartAsync()
    {
        var redis = new RestartableRedis(new TempDirectory("redis-durable"), LoopbackPort.GetFree());
        try
        {
            await redis.RestartAsync();
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server outright (SIGKILL), as a crash or a lost host would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await OwnedProcess.KillAsync(process);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server on the same port and folder; it reloads its append-only file before it says it is ready.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        foreach (var argument in new[]
                 {
                     "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--dir", _folder.Path, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"redis-server on port {Port} exited during start-up:{Environment.NewLine}{string.Join(Environment.NewLine, output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(Eventually.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _folder.Dispose();
    }
}
