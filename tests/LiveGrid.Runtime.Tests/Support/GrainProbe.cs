using System.Collections.Concurrent;
using LiveGrid.Testing;

namespace LiveGrid.Runtime.Tests.Support;

/// <summary>
/// The test's window into its grains, injected into them as a singleton: an event log to wait on,
/// named gates a grain awaits (a test opens them), overlap detectors and typed records (timer ticks,
/// reminder deliveries) that outlive activations.
/// </summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, OverlapDetector> _sections = new();
    private readonly ConcurrentQueue<object> _records = new();

    public EventLog Events { get; } = new();

    /// <summary>The gate named <paramref name="name"/>; continuations run asynchronously so opening it never runs grain code on the test's thread.</summary>
    public TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Open(string name) => Gate(name).TrySetResult();

    /// <summary>Opens every gate, so nothing is left waiting when a test ends (early).</summary>
    public void OpenAll()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }
    }

    public OverlapDetector Section(string name) => _sections.GetOrAdd(name, _ => new OverlapDetector());

    public void Record(object record)
    {
        _records.Enqueue(record);
    }

    public IReadOnlyList<T> Records<T>() => [.. _records.OfType<T>()];
}
