using System.Diagnostics;
using System.Text;

namespace LiveGrid.Testing;

/// <summary>
/// A real Azurite (blob service only) for tests. Uses the one named by <c>LIVEGRID_TEST_AZURITE</c> (host:port) if set;
/// otherwise starts <c>azurite-blob</c> from the repository's .tools/azurite (installed by deploy/azurite-start.sh),
/// <c>LIVEGRID_AZURITE_BLOB</c> or PATH, on a free loopback port with a temp --location, and kills it on dispose.
/// Tests share a server safely by using their own containers.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable, IDisposable
{
    public const string EnvironmentVariable = "LIVEGRID_TEST_AZURITE";

    /// <summary>Path of an azurite-blob executable to use instead of looking for one.</summary>
    public const string ExecutableVariable = "LIVEGRID_AZURITE_BLOB";

    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process? _process;
    private readonly TempDirectory? _location;
    private int _disposed;

    private AzuriteServer(string host, int port, Process? process, TempDirectory? location)
    {
        Host = host;
        Port = port;
        _process = process;
        _location = location;
    }

    public string Host { get; }

    public int Port { get; }

    public bool IsExternal => _process is null;

    public Uri BlobEndpoint => new($"http://{Host}:{Port}/{AccountName}");

    /// <summary>The full connection string of the development account at this server's port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>Starts (or attaches to) Azurite and returns once it answers HTTP. Fails, never skips, when it is unavailable.</summary>
    public static async Task<AzuriteServer> StartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = timeout ?? DefaultStartTimeout;
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var colon = external.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(external.AsSpan(colon + 1), out var externalPort))
            {
                throw new InvalidOperationException($"{EnvironmentVariable}='{external}' is not of the form host:port.");
            }

            var host = external[..colon].Trim();
            await WaitForAnswerAsync(host, externalPort, deadline, cancellationToken).ConfigureAwait(false);
            return new AzuriteServer(host, externalPort, null, null);
        }

        var executable = FindExecutable();
        var failures = new StringBuilder();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var started = await TryStartAsync(executable, LoopbackPort.GetFree(), deadline, failures, cancellationToken).ConfigureAwait(false);
            if (started is not null)
            {
                return started;
            }
        }

        throw new InvalidOperationException($"azurite-blob ({executable}) did not start:{Environment.NewLine}{failures}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _process is null)
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
            _location?.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<AzuriteServer?> TryStartAsync(string executable, int port, TimeSpan timeout, StringBuilder failures, CancellationToken cancellationToken)
    {
        var location = new TempDirectory("azurite");
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location.Path,
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1",
                     "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", location.Path,
                     // Without it Azurite tries to reach the internet.
                     "--disableTelemetry",
                     // WindowsAzure.Storage 9.3.3 speaks an older REST version than Azurite defaults to.
                     "--skipApiVersionCheck",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await WaitForAnswerAsync("127.0.0.1", port, timeout, cancellationToken, process).ConfigureAwait(false);
            var server = new AzuriteServer("127.0.0.1", port, process, location);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
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

            process.Dispose();
            location.Dispose();
            lock (output)
            {
                failures.AppendLine($"port {port}: {exception.Message}").AppendLine(output.ToString());
            }

            return null;
        }
    }

    // Any HTTP answer (Azurite says 400/403 to an unsigned request) means it listens and serves.
    private static async Task WaitForAnswerAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken, Process? process = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        Exception? last = null;
        while (!deadline.IsCancellationRequested)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"azurite-blob exited during start-up with code {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://{host}:{port}/{AccountName}?comp=list"), deadline.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = exception;
            }

            try
            {
                await retry.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"Azurite at {host}:{port} did not answer within {timeout.TotalSeconds:0} s. Last error: {last?.Message ?? "none"}");
    }

    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }

        // The repository's own install (deploy/azurite-start.sh puts it there), found from the test's bin folder upwards.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "LiveGrid.sln")))
            {
                candidates.Add(System.IO.Path.Combine(folder.FullName, ".tools", "azurite", "node_modules", ".bin", "azurite-blob"));
                break;
            }
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "azurite-blob")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Tests need a real Azurite, but azurite-blob was not found (.tools/azurite in the repository, " +
                $"{ExecutableVariable} or PATH). Run deploy/azurite-start.sh once (it installs azurite@3.35.0 into .tools/azurite), " +
                $"or set {EnvironmentVariable}=host:port to use a running one.");
    }
}
