using System.Diagnostics.Metrics;

namespace LiveGrid.Silo.Live;

/// <summary>The push hub's instruments (meter "LiveGrid.Live").</summary>
public sealed class LiveMetrics
{
    public const string MeterName = "LiveGrid.Live";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _deltas;
    private readonly Counter<long> _dropped;
    private readonly UpDownCounter<long> _connections;
    private readonly Histogram<double> _pumpDuration;
    private readonly Histogram<long> _batchBytes;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _frames = meter.CreateCounter<long>("livegrid.live.frames", "{message}", "\"deltas\" messages sent to connections");
        _deltas = meter.CreateCounter<long>("livegrid.live.deltas", "{delta}", "Deltas sent to connections, counted per connection");
        _dropped = meter.CreateCounter<long>("livegrid.live.gaps", "{gap}", "Times a connection fell behind its scope's buffer and must resynchronise");
        _connections = meter.CreateUpDownCounter<long>("livegrid.live.connections", "{connection}", "Open hub connections");
        _batchBytes = meter.CreateHistogram<long>("livegrid.live.batch.size", "By", "Size of one \"deltas\" batch's JSON, recorded once per group of connections sent the same bytes");
        _pumpDuration = meter.CreateHistogram<double>("livegrid.live.pump.duration", "ms", "Time one frame tick takes to prepare and start every send");
    }

    public void Sent(int connections, int deltasEach, int bytes)
    {
        _batchBytes.Record(bytes);
        _frames.Add(connections);
        _deltas.Add((long)connections * deltasEach);
    }

    public void Gap() => _dropped.Add(1);

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Pumped(TimeSpan elapsed) => _pumpDuration.Record(elapsed.TotalMilliseconds);
}
