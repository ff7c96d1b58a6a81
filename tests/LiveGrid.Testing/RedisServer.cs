using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace LiveGrid.Testing;

/// <summary>
/// A real Redis for tests. Uses the server named by <c>LIVEGRID_TEST_REDIS</c> (host:port) if set; otherwise starts
/// its own <c>redis-server</c> on a free loopback port (no persistence) and kills it on dispose.
/// Tests share a server safely by giving every test its own key prefix (<see cref="NewKeyPrefix"/>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable, IDisposable
{
    public const string EnvironmentVariable = "LIVEGRID_TEST_REDIS";

    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(20);
    private static readonly string[] ExecutableCandidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly Process? _process;
    private readonly TempDirectory? _workingDirectory;
    private readonly SemaphoreSlim _housekeepingGate = new(1, 1);
    private ConnectionMultiplexer? _housekeeping;
    private int _disposed;

    private RedisServer(string host, int port, Process? process, TempDirectory? workingDirectory)
    {
        Host = host;
        Port = port;
        _process = process;
        _workingDirectory = workingDirectory;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>"host:port", the form StackExchange.Redis and <c>RedisStorageOptions.ConnectionString</c> take.</summary>
    public string ConnectionString => $"{Host}:{Port}";

    /// <summary>True when the server came from <see cref="EnvironmentVariable"/> rather than being started here.</summary>
    public bool IsExternal => _process is null;

    /// <summary>The server process when started here (e.g. so a benchmark can count its CPU time as its own).</summary>
    public Process? Process => _process;

    /// <summary>Starts (or attaches to) Redis and returns once it answers PING. Fails, never skips, when Redis is unavailable.</summary>
    public static async Task<RedisServer> StartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = timeout ?? DefaultStartTimeout;
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var (host, port) = ParseHostPort(external);
            try
            {
                await WaitForPingAsync(host, port, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException exception)
            {
                throw new TimeoutException($"{EnvironmentVariable}={external} names a Redis that does not answer: {exception.Message}", exception);
            }

            return new RedisServer(host, port, null, null);
        }

        return await StartOwnedAsync(appendOnly: false, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Always starts a redis-server of its own (ignoring <see cref="EnvironmentVariable"/>), in a temp folder.
    /// <paramref name="appendOnly"/> turns on the append-only file with an fsync per write (appendfsync always),
    /// the durable setting production uses.
    /// </summary>
    public static async Task<RedisServer> StartOwnedAsync(bool appendOnly, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = timeout ?? DefaultStartTimeout;
        var executable = FindExecutable();
        // The free port can be taken by someone else between picking and binding; try a few.
        var failures = new StringBuilder();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = LoopbackPort.GetFree();
            var started = await TryStartAsync(executable, port, appendOnly, deadline, failures, cancellationToken).ConfigureAwait(false);
            if (started is not null)
            {
                return started;
            }
        }

        throw new InvalidOperationException($"redis-server ({executable}) did not start:{Environment.NewLine}{failures}");
    }

    /// <summary>A key prefix no other test uses, e.g. "test:sqlite-vs-redis:3f2a...:".</summary>
    public string NewKeyPrefix(string? label = null) => $"test:{label ?? "t"}:{Guid.NewGuid():N}:";

    /// <summary>
    /// Deletes every key under <paramref name="prefix"/> (SCAN, never KEYS), so tests against a shared
    /// external server leave nothing behind. Returns how many keys were deleted.
    /// </summary>
    public async Task<long> DeleteKeysAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var connection = await GetHousekeepingConnectionAsync().ConfigureAwait(false);
        var database = connection.GetDatabase();
        long deleted = 0;
        var cursor = "0";
        do
        {
            // StackExchange.Redis 1.2.6 has only a blocking SCAN enumerator (which times out under a busy thread pool); EVAL is async.
            var page = (RedisResult[])(await database.ScriptEvaluateAsync(
                "return redis.call('SCAN', ARGV[1], 'MATCH', ARGV[2], 'COUNT', 1000)",
                [],
                [cursor, EscapeGlob(prefix) + "*"]).ConfigureAwait(false));
            cursor = (string)page[0]!;
            var keys = ((RedisResult[])page[1]).Select(key => (RedisKey)(string)key!).ToArray();
            if (keys.Length > 0)
            {
                deleted += await database.KeyDeleteAsync(keys).ConfigureAwait(false);
            }
        }
        while (cursor != "0");

        return deleted;
    }

    /// <summary>Sends PING over a fresh socket; true on +PONG.</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => PingAsync(Host, Port, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _housekeepingGate.WaitAsync().ConfigureAwait(false);
        if (_housekeeping is not null)
        {
            // Closing first makes Dispose return at once instead of waiting out its socket threads.
            await _housekeeping.CloseAsync().ConfigureAwait(false);
            _housekeeping.Dispose();
        }

        if (_process is null)
        {
            return;
        }

        try
        {
            await OwnedProcess.KillAsync(_process).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
            _workingDirectory?.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<RedisServer?> TryStartAsync(string executable, int port, bool appendOnly, TimeSpan timeout, StringBuilder failures, CancellationToken cancellationToken)
    {
        var workingDirectory = new TempDirectory("redis");
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory.Path,
        };
        foreach (var argument in new[]
                 {
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--bind", "127.0.0.1",
                     "--save", string.Empty,
                     "--appendonly", appendOnly ? "yes" : "no",
                     "--appendfsync", "always",
                     "--daemonize", "no",
                     "--dir", workingDirectory.Path,
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
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
            // Redis says when it is ready; PING then proves it answers on the port we chose.
            await ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            await WaitForPingAsync("127.0.0.1", port, timeout, cancellationToken).ConfigureAwait(false);
            var server = new RedisServer("127.0.0.1", port, process, workingDirectory);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or SocketException)
        {
            KillQuietly(process);
            workingDirectory.Dispose();
            lock (output)
            {
                failures.AppendLine($"port {port}: {exception.Message}").AppendLine(output.ToString());
            }

            return null;
        }
    }

    // One connection for housekeeping per server: opening and disposing a 1.2.6 multiplexer per call costs about a second.
    private async Task<ConnectionMultiplexer> GetHousekeepingConnectionAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        await _housekeepingGate.WaitAsync().ConfigureAwait(false);
        try
        {
            return _housekeeping ??= await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},syncTimeout=10000").ConfigureAwait(false);
        }
        finally
        {
            _housekeepingGate.Release();
        }
    }

    private static string EscapeGlob(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("?", "\\?", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);

    private static string FindExecutable()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "redis-server"));
        return ExecutableCandidates.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Tests need a real Redis, but redis-server was not found ({string.Join(", ", ExecutableCandidates)} or PATH). " +
                $"Install it with 'apt-get install -y redis-server', or set {EnvironmentVariable}=host:port to use a running server.");
    }

    private static (string Host, int Port) ParseHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out var port))
        {
            throw new InvalidOperationException($"{EnvironmentVariable}='{value}' is not of the form host:port.");
        }

        return (value[..colon].Trim(), port);
    }

    private static async Task WaitForPingAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Exception? last = null;
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            try
            {
                if (await PingAsync(host, port, deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = exception;
            }
        }
        while (!deadline.IsCancellationRequested && await WaitTickAsync(retry, deadline.Token).ConfigureAwait(false));

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"Redis at {host}:{port} did not answer PING within {timeout.TotalSeconds:0} s. Last error: {last?.Message ?? "no PONG"}");
    }

    private static async Task<bool> WaitTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }
}
