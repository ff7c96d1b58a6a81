using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveGrid.Grains.Boards;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Live;

/// <summary>
/// Between the domain event stream and the hub's connections. One subscription to <see cref="IDomainEventStream"/>:
/// in a ticket, worker or grid scope that someone watches (or watched recently) each event is numbered and kept in the
/// scope's bounded buffer; in a city or area scope it is folded into the scope's <see cref="BoardScope"/>, and each
/// frame tick takes one board frame (<see cref="BoardDelta"/>: the latest state of what changed) numbered and kept the
/// same way. Every <see cref="LiveOptions.FrameInterval"/> the pump then sends each connection one "deltas" message
/// with everything since its last one, like the Orleans GPSTracker sample's notifier batches on a timer instead of
/// sending per change. Each delta is serialized once; connections at the same position get the same bytes (the batch
/// and SignalR's invocation message around it are written once per group). A connection whose previous send has not
/// completed is skipped; if it falls behind its scope's buffer it is moved to the oldest delta still kept, sees the
/// gap and resynchronises, and nobody else waits for it.
/// </summary>
/// <remarks>
/// The pump runs on real time (<see cref="TimeProvider.System"/>), not the host's clock: it paces the transport, it
/// decides nothing in the domain, and a test clock that stands still must not stop deltas from being delivered.
/// A batch's sentAt is the host's clock, though: clients take it as the server's "now" for their countdowns.
/// </remarks>
public sealed class LiveNotifier : BackgroundService
{
    public const string DeltasMethod = "deltas";

    private static readonly TimeSpan SnapshotReuse = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, ScopeLog> _logs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);
    private readonly IDomainEventStream _stream;
    private readonly IHubContext<LiveHub> _hub;
    private readonly LiveTransports _transports;
    private readonly LiveSnapshots _snapshots;
    private readonly CityModel _city;
    private readonly LiveOptions _options;
    private readonly JsonTypeInfo<Delta> _deltaJson;
    private readonly Func<Delta, byte[]> _serializeDelta;
    private readonly Func<BoardDelta, byte[]> _serializeFrame;
    private readonly LiveMetrics _metrics;
    private readonly ILogger<LiveNotifier> _logger;
    // The host's clock (a test clock in end-to-end tests): batches carry its time so browsers count down against it.
    private readonly TimeProvider _time;
    private DomainEventSubscription? _subscription;

    public LiveNotifier(
        IDomainEventStream stream,
        IHubContext<LiveHub> hub,
        LiveTransports transports,
        LiveSnapshots snapshots,
        CityModel city,
        IOptions<LiveOptions> options,
        IOptions<JsonHubProtocolOptions> json,
        LiveMetrics metrics,
        TimeProvider time,
        ILogger<LiveNotifier> logger)
    {
        _time = time;
        _stream = stream;
        _hub = hub;
        _transports = transports;
        _snapshots = snapshots;
        _city = city;
        _options = options.Value;
        _deltaJson = (JsonTypeInfo<Delta>)json.Value.PayloadSerializerOptions.GetTypeInfo(typeof(Delta));
        _serializeDelta = delta => JsonSerializer.SerializeToUtf8Bytes(delta, _deltaJson);
        var frameJson = (JsonTypeInfo<BoardDelta>)json.Value.PayloadSerializerOptions.GetTypeInfo(typeof(BoardDelta));
        _serializeFrame = frame => JsonSerializer.SerializeToUtf8Bytes(frame, frameJson);
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Open connections.</summary>
    public int Connections => _connections.Count;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before Kestrel serves, so no event between a snapshot and the first frame is missed.
        _subscription = _stream.Subscribe("live-hub");
        LiveLog.Started(_logger, _options.FrameInterval.TotalMilliseconds, _options.BufferPerScope);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    public void Connect(string connectionId)
    {
        if (_connections.TryAdd(connectionId, new LiveConnection(connectionId)))
        {
            _metrics.Connected();
        }
    }

    public void Disconnect(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
        {
            connection.RemoveAll();
            _metrics.Disconnected();
        }
    }

    /// <exception cref="HubException">The scope is not valid or names nothing that exists.</exception>
    public async Task<Snapshot> SubscribeAsync(string connectionId, string scopeText)
    {
        var scope = await ParseAsync(scopeText);
        return await SubscribeAsync(Connection(connectionId), scope);
    }

    /// <exception cref="HubException">The scope is not valid or names nothing that exists.</exception>
    public async Task<ResumeResult> ResumeAsync(string connectionId, string scopeText, long afterSequence)
    {
        var scope = await ParseAsync(scopeText);
        var connection = Connection(connectionId);
        while (true)
        {
            var log = Log(scope);
            var head = log.Sequence;
            var deltas = new List<byte[]>();
            if (afterSequence > head || !log.ReadRangeJson(afterSequence, head, _serializeDelta, deltas))
            {
                return new ResumeResult(scope.Text, null, await SubscribeAsync(connection, scope));
            }

            connection.Set(log, head);
            if (IsCurrent(log))
            {
                return new ResumeResult(scope.Text, [.. deltas.Select(d => new PreserializedDelta(d))], null);
            }
        }
    }

    public void Unsubscribe(string connectionId, string scopeText)
    {
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            var text = scopeText?.Trim() ?? "";
            connection.Remove(LiveScope.TryParse(text, _city.Territory, out var scope, out _) ? scope.Text : text);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = _subscription ?? throw new InvalidOperationException("The live notifier was not started.");
        await Task.WhenAll(RouteAsync(subscription, stoppingToken), PumpAsync(stoppingToken));
    }

    private async Task<Snapshot> SubscribeAsync(LiveConnection connection, LiveScope scope)
    {
        while (true)
        {
            var log = Log(scope);
            // The sequence first, then the state: every delta up to it is already in what is read.
            var sequence = log.Sequence;
            IReadOnlyList<LiveTicket>? breaching = null;
            if (log.Board is { } board)
            {
                // A board scope's lists as of the same frame as its sequence.
                (sequence, breaching) = board.Position(log);
            }

            Snapshot snapshot;
            if (log.Cached is { } cached && cached.Sequence == sequence && Stopwatch.GetElapsedTime(cached.ReadAt) < SnapshotReuse)
            {
                snapshot = cached.Snapshot;
            }
            else
            {
                snapshot = await _snapshots.ReadAsync(scope, sequence);
                if (breaching is not null)
                {
                    snapshot = snapshot with { Breaching = breaching };
                }

                log.Cached = new ScopeLog.CachedSnapshot(sequence, snapshot, Stopwatch.GetTimestamp());
            }

            connection.Set(log, sequence);
            if (IsCurrent(log))
            {
                LiveLog.Subscribed(_logger, connection.ConnectionId, scope.Text, sequence);
                return snapshot;
            }
        }
    }

    private async Task<LiveScope> ParseAsync(string scopeText)
    {
        if (!LiveScope.TryParse(scopeText, _city.Territory, out var scope, out var error))
        {
            throw new HubException(error);
        }

        if (scope.Kind == LiveScopeKind.Ticket && !await _snapshots.TicketExistsAsync(scope.Key))
        {
            throw new HubException($"There is no ticket \"{scope.Key}\" (scope \"{scope.Text}\").");
        }

        return scope;
    }

    private LiveConnection Connection(string connectionId) =>
        _connections.GetOrAdd(connectionId, static id => new LiveConnection(id));

    private ScopeLog Log(LiveScope scope) =>
        _logs.TryGetValue(scope.Text, out var log) ? log : _logs.GetOrAdd(scope.Text, _ => NewLog(scope));

    private ScopeLog NewLog(LiveScope scope)
    {
        // City and area scopes send board frames; their lists start from the catalog's open tickets. (An event
        // published while this reads may be missed by the lists until the ticket changes again: the catalog is
        // written just after the event.)
        var board = scope.Kind is LiveScopeKind.City or LiveScopeKind.Area
            ? new BoardScope(scope.Kind == LiveScopeKind.City ? IAreaBoardGrain.CityKey : scope.Key, _snapshots.OpenTickets(scope))
            : null;
        return new ScopeLog(scope.Text, _options.BufferPerScope, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), board);
    }

    // The sweeper may have dropped an idle log between GetOrAdd and the subscriber count going up: then start again.
    private bool IsCurrent(ScopeLog log) => _logs.TryGetValue(log.Scope, out var current) && ReferenceEquals(current, log);

    private async Task RouteAsync(DomainEventSubscription subscription, CancellationToken stoppingToken)
    {
        var scopes = new List<string>(8);
        var overflowReported = false;
        try
        {
            while (await subscription.Reader.WaitToReadAsync(stoppingToken))
            {
                while (subscription.Reader.TryRead(out var domainEvent))
                {
                    scopes.Clear();
                    LiveScopes.Of(domainEvent, scopes);
                    foreach (var scope in scopes)
                    {
                        if (!_logs.TryGetValue(scope, out var log))
                        {
                            continue;
                        }

                        if (log.Board is { } board)
                        {
                            board.Fold(domainEvent);
                        }
                        else
                        {
                            log.Append(domainEvent);
                        }
                    }
                }

                if (!overflowReported && subscription.Overflowed)
                {
                    overflowReported = true;
                    LiveLog.StreamOverflowed(_logger);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.FrameInterval, TimeProvider.System);
        var sweepEvery = Math.Max(1, (int)(TimeSpan.FromSeconds(10) / _options.FrameInterval));
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    Pump();
                    _metrics.Pumped(Stopwatch.GetElapsedTime(started));
                    if (++ticks % sweepEvery == 0)
                    {
                        Sweep();
                    }
                }
                catch (Exception ex)
                {
                    LiveLog.PumpFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One frame tick: takes each city and area scope's frame (one delta per scope, serialized once), then groups ready
    /// connections by position, puts each group's batch together once and starts the sends.
    /// </summary>
    private void Pump()
    {
        var now = _time.GetUtcNow();
        var halfLife = _city.Policies.HotspotHalfLife;
        foreach (var log in _logs.Values)
        {
            log.Board?.TakeFrame(log, now, halfLife, _serializeFrame);
        }

        var heads = new Dictionary<ScopeLog, long>();
        var groups = new Dictionary<string, List<(LiveConnection Connection, (LiveConnection.Cursor Cursor, long After)[] Reads)>>(StringComparer.Ordinal);
        var cursors = new List<LiveConnection.Cursor>();
        var key = new StringBuilder();
        foreach (var connection in _connections.Values)
        {
            if (!connection.InFlight.IsCompleted)
            {
                continue;
            }

            cursors.Clear();
            connection.CopyCursors(cursors);
            cursors.Sort(static (a, b) => string.CompareOrdinal(a.Log.Scope, b.Log.Scope));
            key.Clear();
            var behind = false;
            var reads = new (LiveConnection.Cursor Cursor, long After)[cursors.Count];
            for (var i = 0; i < cursors.Count; i++)
            {
                var cursor = cursors[i];
                if (!heads.TryGetValue(cursor.Log, out var head))
                {
                    heads[cursor.Log] = head = cursor.Log.Sequence;
                }

                var after = cursor.SentUpTo;
                if (head - after > _options.MaxBacklogPerConnection)
                {
                    // Too far behind: drop the backlog, send the newest delta only; the client sees the gap.
                    after = head - 1;
                    _metrics.Gap();
                    LiveLog.ConnectionBehind(_logger, connection.ConnectionId, cursor.Log.Scope);
                }

                reads[i] = (cursor, after);
                behind |= head > after;
                key.Append(cursor.Log.Scope).Append('@').Append(after).Append('|');
            }

            if (!behind)
            {
                continue;
            }

            var text = key.ToString();
            if (!groups.TryGetValue(text, out var members))
            {
                groups[text] = members = [];
            }

            members.Add((connection, reads));
        }

        var sentAt = _time.GetUtcNow();
        var frames = new List<byte[]>();
        foreach (var members in groups.Values)
        {
            frames.Clear();
            var complete = true;
            foreach (var (cursor, after) in members[0].Reads)
            {
                complete &= cursor.Log.ReadRangeJson(after, heads[cursor.Log], _serializeDelta, frames);
            }

            if (!complete)
            {
                foreach (var (connection, _) in members)
                {
                    _metrics.Gap();
                    LiveLog.ConnectionBehind(_logger, connection.ConnectionId, string.Join(", ", members[0].Reads.Select(r => r.Cursor.Log.Scope)));
                }
            }

            var payload = Batch(frames, sentAt);
            // One invocation message for the whole group: SignalR serializes it once (per protocol) and each
            // connection only writes the same bytes.
            var message = new SerializedHubMessage(new InvocationMessage(DeltasMethod, [payload]));
            foreach (var (connection, reads) in members)
            {
                foreach (var (cursor, _) in reads)
                {
                    connection.Advance(cursor, heads[cursor.Log]);
                }

                connection.InFlight = SendAsync(connection, message, payload);
            }

            _metrics.Sent(members.Count, frames.Count, payload.Utf8Json.Length);
        }
    }

    /// <summary>A <see cref="DeltaBatch"/>'s JSON, put together from the deltas' own JSON: no delta is serialized twice.</summary>
    private static PreserializedBatch Batch(List<byte[]> frames, DateTimeOffset sentAt)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + frames.Sum(f => f.Length + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("frames");
            foreach (var frame in frames)
            {
                writer.WriteRawValue(frame, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("sentAt", sentAt);
            writer.WriteEndObject();
        }

        return new PreserializedBatch(buffer.WrittenSpan.ToArray());
    }

    private Task SendAsync(LiveConnection connection, SerializedHubMessage message, PreserializedBatch payload)
    {
        if (_transports.Find(connection.ConnectionId) is not { } transport)
        {
            return SendThroughHubAsync(connection, payload);
        }

        try
        {
            var write = transport.WriteAsync(message);
            return write.IsCompletedSuccessfully ? Task.CompletedTask : AwaitWriteAsync(connection, write);
        }
        catch (Exception ex)
        {
            LiveLog.SendFailed(_logger, ex, connection.ConnectionId);
            return Task.CompletedTask;
        }
    }

    private async Task AwaitWriteAsync(LiveConnection connection, ValueTask write)
    {
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            // The connection is closing; OnDisconnectedAsync removes it.
            LiveLog.SendFailed(_logger, ex, connection.ConnectionId);
        }
    }

    // Only if the hub runs on another lifetime manager than LiveHubLifetimeManager.
    private async Task SendThroughHubAsync(LiveConnection connection, PreserializedBatch payload)
    {
        try
        {
            await _hub.Clients.Client(connection.ConnectionId).SendAsync(DeltasMethod, payload);
        }
        catch (Exception ex)
        {
            // The connection is closing; OnDisconnectedAsync removes it.
            LiveLog.SendFailed(_logger, ex, connection.ConnectionId);
        }
    }

    private void Sweep()
    {
        var now = Environment.TickCount64;
        var retention = (long)_options.IdleScopeRetention.TotalMilliseconds;
        foreach (var log in _logs.Values)
        {
            if (log.Subscribers == 0 && now - log.IdleSince > retention)
            {
                _logs.TryRemove(new KeyValuePair<string, ScopeLog>(log.Scope, log));
            }
        }
    }
}
