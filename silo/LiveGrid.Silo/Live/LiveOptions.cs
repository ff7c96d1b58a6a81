namespace LiveGrid.Silo.Live;

/// <summary>The push hub's limits ("LiveGrid:Live").</summary>
public sealed class LiveOptions
{
    public const string SectionName = "LiveGrid:Live";

    /// <summary>How often a connection may get a "deltas" message (transport pacing, real time).</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Deltas kept per scope for Resume and for connections that fall behind.</summary>
    public int BufferPerScope { get; set; } = 4096;

    /// <summary>
    /// How far (in deltas of one scope) a connection may fall behind before its backlog is dropped: it then gets only
    /// the newest delta, sees the gap and resynchronises, instead of replaying stale changes.
    /// </summary>
    public int MaxBacklogPerConnection { get; set; } = 1000;

    /// <summary>How long a scope nobody subscribes to keeps its deltas (so a client can Resume after a reconnect).</summary>
    public TimeSpan IdleScopeRetention { get; set; } = TimeSpan.FromMinutes(5);
}
