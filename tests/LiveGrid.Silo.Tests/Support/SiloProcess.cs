using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// The built silo (LiveGrid.Silo.dll) run as its own process with `dotnet`, as deploy/run.sh runs it.
/// Its output is kept for assertions and for the failure message.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process)
    {
        _process = process;
        StartedAt = Stopwatch.GetTimestamp();
    }

    public long StartedAt { get; }

    /// <summary>Completes with the "LiveGrid is running at ..." line once the silo prints it.</summary>
    public Task<string> Running => _running.Task;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The silo's dll, which the build copies beside this test assembly with its runtimeconfig.</summary>
    public static string SiloDll { get; } = Path.Combine(AppContext.BaseDirectory, "LiveGrid.Silo.dll");

    public static SiloProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloDll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(SiloDll)!);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the arguments configure this silo: nothing from the test runner's environment.
        foreach (var key in start.Environment.Keys.Where(IsSiloSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        // The first administrator, as an operator would give it: sign in with TestUsers.AdminUserName/AdminPassword.
        foreach (var (key, value) in TestUsers.BootstrapAdminEnvironment())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process);
        process.OutputDataReceived += (_, e) => silo.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Writes a line to the process's standard input (a password for `users add`) and closes it.</summary>
    public async Task WriteInputAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        _process.StandardInput.Close();
    }

    /// <summary>POST /api/auth/token as the bootstrap administrator: the bearer token.</summary>
    public static Task<string> SignInAsAdminAsync(Uri address) =>
        TestUsers.TokenAsync(address, TestUsers.AdminUserName, TestUsers.AdminPassword);

    /// <summary>The start-up line; a timeout names what the silo printed instead.</summary>
    public async Task<string> WaitUntilRunningAsync(TimeSpan timeout)
    {
        try
        {
            return await _running.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No start-up line within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Asks the silo to stop as Ctrl+C or a service manager would (SIGTERM) and waits for it to exit.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Kills the silo outright (SIGKILL, as kill -9): no shutdown, no flush. Waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(Eventually.Timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        // The parameterless overload also waits for the redirected output to be fully read.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(Eventually.Timeout);
        }

        _process.Dispose();
    }

    private static bool IsSiloSetting(string key) =>
        key.StartsWith("LiveGrid__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase);

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("LiveGrid is running at ", StringComparison.Ordinal))
        {
            _running.TrySetResult(line);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
