using LiveGrid.Grains.Events;

namespace LiveGrid.Silo.Live;

/// <summary>
/// One scope's numbered deltas: the sequence and the last <c>capacity</c> deltas, for the frame pump and for Resume.
/// The notifier appends (one thread); hub calls and the pump read.
/// </summary>
/// <remarks>
/// Numbering starts at <c>firstAfter</c> (the notifier passes real Unix milliseconds), not at 0, so a log created again
/// after its scope went idle, or after a restart, never reuses the numbers a client may still hold: Resume with an old
/// number falls outside the buffer and gets a snapshot instead of someone else's deltas.
/// </remarks>
internal sealed class ScopeLog(string scope, int capacity, long firstAfter, BoardScope? board = null)
{
    private readonly long _start = firstAfter;
    private readonly Lock _lock = new();
    private readonly Delta?[] _ring = new Delta?[capacity];

    // Each delta's JSON, written the first time a frame carries it: once per delta, however many connections get it.
    private readonly byte[]?[] _json = new byte[capacity][];
    private long _sequence = firstAfter;
    private int _subscribers;
    private long _idleSince = Environment.TickCount64;

    public string Scope { get; } = scope;

    /// <summary>For a city or area scope: where its events are folded into frames (then each delta is a <see cref="BoardDelta"/>).</summary>
    public BoardScope? Board { get; } = board;

    public long Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The last snapshot read and the sequence it was read at: reused while nothing happened in the scope.</summary>
    public CachedSnapshot? Cached { get; set; }

    public int Subscribers => Volatile.Read(ref _subscribers);

    public long IdleSince => Interlocked.Read(ref _idleSince);

    /// <summary>Appends a board frame under the next sequence; its JSON is written once, here.</summary>
    public void AppendFrame(BoardDelta frame, Func<BoardDelta, byte[]> serialize)
    {
        lock (_lock)
        {
            _sequence++;
            _ring[_sequence % _ring.Length] = null;
            _json[_sequence % _ring.Length] = serialize(frame with { Sequence = _sequence });
        }
    }

    public void Append(DomainEvent domainEvent)
    {
        lock (_lock)
        {
            _sequence++;
            _ring[_sequence % _ring.Length] = new Delta(Scope, _sequence, domainEvent);
            _json[_sequence % _ring.Length] = null;
        }
    }

    public sealed record CachedSnapshot(long Sequence, Snapshot Snapshot, long ReadAt);

    /// <summary>
    /// Adds the JSON of the deltas after <paramref name="after"/> up to <paramref name="upTo"/> (each serialized once and
    /// kept); false (and the oldest ones still kept) when the buffer no longer reaches back to <paramref name="after"/> + 1.
    /// </summary>
    public bool ReadRangeJson(long after, long upTo, Func<Delta, byte[]> serialize, List<byte[]> into)
    {
        lock (_lock)
        {
            upTo = Math.Min(upTo, _sequence);
            var oldest = Math.Max(_start + 1, _sequence - _ring.Length + 1);
            var complete = after + 1 >= oldest && after <= _sequence;
            for (var s = Math.Max(after + 1, oldest); s <= upTo; s++)
            {
                var slot = s % _ring.Length;
                into.Add(_json[slot] ??= serialize(_ring[slot]!));
            }

            return complete;
        }
    }

    public void AddSubscriber() => Interlocked.Increment(ref _subscribers);

    public void RemoveSubscriber()
    {
        if (Interlocked.Decrement(ref _subscribers) == 0)
        {
            Interlocked.Exchange(ref _idleSince, Environment.TickCount64);
        }
    }
}
