using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveGrid.Testing;

namespace LiveGrid.Bench.Redis;

/// <summary>
/// A redis-server this benchmark starts on a free loopback port, in a temp folder of its own, and stops at the end.
/// Unlike the tests' <see cref="RedisServer"/> it can run with AOF (appendfsync always), the durable setting the
/// storage figures are about. Ready means the server said so on stdout, not that some time has passed.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly TempDirectory _directory;

    private RedisServerProcess(Process process, TempDirectory directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server process, so its CPU time counts as the benchmark's own, not as competition.</summary>
    public Process Process => _process;

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server. <paramref name="appendOnly"/> turns AOF on with an fsync for every write (appendfsync always).</summary>
    public static async Task<RedisServerProcess> StartAsync(bool appendOnly)
    {
        // The free port can be taken by another process between picking and binding; try a few.
        var failures = new StringBuilder();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var started = await TryStartAsync(appendOnly, LoopbackPort.GetFree(), failures);
            if (started is not null)
            {
                return started;
            }
        }

        throw new InvalidOperationException($"redis-server did not start (install it with apt-get install redis-server, or pass --redis host:port):{Environment.NewLine}{failures}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Ask politely first (no save, the data is throw-away); kill only if it does not go.
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await client.GetStream().WriteAsync("SHUTDOWN NOSAVE\r\n"u8.ToArray());
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private static async Task<RedisServerProcess?> TryStartAsync(bool appendOnly, int port, StringBuilder failures)
    {
        var directory = new TempDirectory("bench-redis");
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        foreach (var argument in new[]
                 {
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", directory.Path, "--save", string.Empty, "--daemonize", "no",
                     "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited during start-up."));
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await ready.Task.WaitAsync(StartTimeout);
            return new RedisServerProcess(process, directory, port);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // Never started, or already gone.
            }

            process.Dispose();
            directory.Dispose();
            lock (output)
            {
                failures.AppendLine($"port {port}: {exception.Message}").AppendLine(output.ToString());
            }

            return null;
        }
    }
}
