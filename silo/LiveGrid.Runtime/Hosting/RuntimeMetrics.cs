using System.Diagnostics.Metrics;

namespace LiveGrid.Runtime.Hosting;

/// <summary>
/// The runtime's instruments (meter "LiveGrid.Runtime"). Created through <see cref="IMeterFactory"/> when the
/// host has one, so each runtime's meter is its own and tests can listen to exactly theirs.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "LiveGrid.Runtime";

    private readonly bool _ownsMeter;

    internal RuntimeMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Activations = Meter.CreateUpDownCounter<long>("livegrid.runtime.activations", "{activation}", "Grain activations alive");
        Calls = Meter.CreateCounter<long>("livegrid.runtime.calls", "{call}", "Grain calls completed");
        CallDuration = Meter.CreateHistogram<double>("livegrid.runtime.call.duration", "ms", "Time from sending a grain call to its completion");
        CallTimeouts = Meter.CreateCounter<long>("livegrid.runtime.call.timeouts", "{call}", "Grain calls that timed out");
        MailboxDepth = Meter.CreateUpDownCounter<long>("livegrid.runtime.mailbox.depth", "{item}", "Calls and ticks waiting for a grain's turn");
        TimersArmed = Meter.CreateUpDownCounter<long>("livegrid.runtime.timers.armed", "{timer}", "Grain timers armed");
        RemindersArmed = Meter.CreateUpDownCounter<long>("livegrid.runtime.reminders.armed", "{reminder}", "Durable reminders scheduled in this host");
        StorageDuration = Meter.CreateHistogram<double>("livegrid.runtime.storage.duration", "ms", "Grain state storage operation latency");
    }

    public Meter Meter { get; }

    internal UpDownCounter<long> Activations { get; }

    internal Counter<long> Calls { get; }

    internal Histogram<double> CallDuration { get; }

    internal Counter<long> CallTimeouts { get; }

    internal UpDownCounter<long> MailboxDepth { get; }

    internal UpDownCounter<long> TimersArmed { get; }

    internal UpDownCounter<long> RemindersArmed { get; }

    internal Histogram<double> StorageDuration { get; }

    internal void ActivationStarted() => Activations.Add(1);

    internal void ActivationEnded() => Activations.Add(-1);

    internal void CallCompleted(string grainType, TimeSpan elapsed)
    {
        if (Calls.Enabled)
        {
            Calls.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
        }

        if (CallDuration.Enabled)
        {
            CallDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("grain.type", grainType));
        }
    }

    internal void StorageCompleted(string provider, string operation, TimeSpan elapsed)
    {
        if (StorageDuration.Enabled)
        {
            StorageDuration.Record(
                elapsed.TotalMilliseconds,
                new KeyValuePair<string, object?>("storage.provider", provider),
                new KeyValuePair<string, object?>("storage.operation", operation));
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
