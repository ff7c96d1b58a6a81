using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>The runtime's own meter reports activations, calls, latency, mailbox depth, timers and storage latency.</summary>
public sealed class MetricsTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Fact]
    public async Task The_runtime_meter_measures_activations_calls_latency_mailboxes_timers_and_storage()
    {
        var silo = await StartSiloAsync(o => o.CallTimeout = TimeSpan.FromHours(1));
        var measurements = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this silo's meter: other tests' runtimes run in parallel in this process.
            if (ReferenceEquals(instrument.Meter, silo.Runtime.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        listener.Start();

        // Activation, calls and a storage write.
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("m");
        await counter.SetValue(1).WaitAsync(Safety);
        await counter.Ping().WaitAsync(Safety);

        // A mailbox with calls waiting behind an awaiting turn.
        var sequence = silo.GrainFactory.GetGrain<ISequenceGrain>("m");
        var holding = sequence.Append(0, "m-gate");
        await Events.WaitForAsync("append-start:m:0");
        var waiting = Enumerable.Range(1, 3).Select(n => sequence.Append(n, null)).ToArray();

        // A grain timer.
        await silo.GrainFactory.GetGrain<ITimerGrain>("m").StartTimer("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), false, false, false).WaitAsync(Safety);

        listener.RecordObservableInstruments();
        Probe.Open("m-gate");
        await Task.WhenAll(waiting.Prepend(holding)).WaitAsync(Safety);

        double[] Values(string name) => [.. measurements.Where(m => m.Instrument == name).Select(m => m.Value)];

        Values("livegrid.runtime.activations").Should().Contain(v => v >= 1, "three grains were activated");
        Values("livegrid.runtime.calls").Sum().Should().BeGreaterThanOrEqualTo(7, "at least seven calls completed");
        Values("livegrid.runtime.call.duration").Should().HaveCountGreaterThanOrEqualTo(7).And.OnlyContain(v => v >= 0);
        Values("livegrid.runtime.mailbox.depth").Should().Contain(v => v >= 1, "calls waited in a mailbox");
        Values("livegrid.runtime.timers.armed").Should().Contain(v => v >= 1, "a grain timer was armed");
        Values("livegrid.runtime.storage.duration").Should().NotBeEmpty().And.OnlyContain(v => v >= 0);
        silo.Runtime.Metrics.Meter.Name.Should().Be(RuntimeMetrics.MeterName);
    }
}
