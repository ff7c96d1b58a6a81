using LiveGrid.Testing;

namespace LiveGrid.Bench.Redis;

/// <summary>
/// A Redis server to measure against: a short label for figure names, how it is configured, and the process
/// behind it if this run started it (null for a server given with --redis or LIVEGRID_TEST_REDIS).
/// </summary>
public sealed record RedisTarget(string Label, string Description, string ConnectionString, RedisServer? OwnedProcess);
