namespace LiveGrid.Runtime.Redis;

/// <summary>
/// Where LiveGrid keeps grain state and reminders in Redis (configuration section "LiveGrid:Storage:Redis").
/// Writes are acknowledged once Redis applied them; for durability across a Redis crash run Redis with
/// <c>appendonly yes</c> and <c>appendfsync always</c>.
/// </summary>
public sealed class RedisStorageOptions
{
    public const string SectionName = "LiveGrid:Storage:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379,password=...".</summary>
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>Put in front of every key, so several deployments (or tests) can share one server.</summary>
    public string KeyPrefix { get; set; } = "livegrid:";

    /// <summary>How long connecting may take before operations start failing.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>An operation Redis has not answered by then fails with <see cref="TimeoutException"/> instead of hanging.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
