using LiveGrid.Runtime.Hosting;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests.Support;

/// <summary>
/// Starts silos hosting this assembly's test grains, each with the test's <see cref="GrainProbe"/>
/// and logs going to the test output; opens every gate and stops every silo when the test ends.
/// </summary>
public abstract class RuntimeTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Real-time limit on any single wait: a bug fails the test instead of hanging it.</summary>
    protected static readonly TimeSpan Safety = Eventually.Timeout;

    private readonly List<TestSilo> _silos = [];

    protected GrainProbe Probe { get; } = new();

    protected ITestOutputHelper Output => output;

    protected EventLog Events => Probe.Events;

    protected async Task<TestSilo> StartSiloAsync(
        Action<GrainRuntimeOptions>? runtime = null,
        Action<IServiceCollection>? services = null,
        ManualTimeProvider? time = null)
    {
        var silo = await TestSilo.StartAsync(typeof(RuntimeTestBase).Assembly, options =>
        {
            options.Time = time;
            options.ConfigureRuntime = runtime;
            options.ConfigureLogging = logging => logging.AddProvider(new XunitLoggerProvider(output));
            options.ConfigureServices = s =>
            {
                s.AddSingleton(Probe);
                services?.Invoke(s);
            };
        });
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Advances the clock <paramref name="steps"/> times by <paramref name="step"/>, each time first waiting until
    /// something is armed to fire within the step: work the runtime re-arms after an asynchronous turn
    /// (a timer's next period, the next collection sweep) is then never skipped by advancing too early.
    /// </summary>
    protected static async Task StepAsync(ManualTimeProvider time, TimeSpan step, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            await time.WaitForTimerDueByAsync(time.GetUtcNow() + step).WaitAsync(Safety);
            time.Advance(step);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Release anything a test left waiting, so graceful stops can finish.
        Probe.OpenAll();
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await _silos[i].DisposeAsync();
        }
    }
}
