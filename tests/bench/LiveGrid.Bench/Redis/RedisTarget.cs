namespace LiveGrid.Bench.Redis;

/// <summary>A Redis server to measure against, how it is configured, and the process behind it if this run started it.</summary>
public sealed record RedisTarget(string Label, string ConnectionString, RedisServerProcess? OwnedProcess);
