namespace LiveGrid.Runtime.Redis;

/// <summary>
/// Lua scripts: Redis runs each one atomically, so the ETag check and the change it guards cannot be split
/// by another writer. An empty string stands for "no record" (real ETags are never empty).
/// </summary>
internal static class RedisScripts
{
    /// <summary>KEYS: state hash, ETag counter. ARGV: expected ETag or '', data. Returns {1, newEtag} or {0, storedEtag}.</summary>
    public const string WriteState = """
        local stored = redis.call('HGET', KEYS[1], 'etag')
        if not stored then stored = '' end
        if stored ~= ARGV[1] then return {0, stored} end
        local etag = tostring(redis.call('INCR', KEYS[2]))
        redis.call('HSET', KEYS[1], 'data', ARGV[2], 'etag', etag)
        return {1, etag}
        """;

    /// <summary>KEYS: state hash. ARGV: expected ETag or ''. Returns {1, ''} or {0, storedEtag}.</summary>
    public const string ClearState = """
        local stored = redis.call('HGET', KEYS[1], 'etag')
        if not stored then stored = '' end
        if stored ~= ARGV[1] then return {0, stored} end
        if stored ~= '' then redis.call('DEL', KEYS[1]) end
        return {1, ''}
        """;

    /// <summary>KEYS: grain's reminder hash, reminder index, ETag counter. ARGV: name, "start|period", index member. Returns the new ETag.</summary>
    public const string UpsertReminder = """
        local etag = tostring(redis.call('INCR', KEYS[3]))
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. etag)
        redis.call('SADD', KEYS[2], ARGV[3])
        return etag
        """;

    /// <summary>KEYS: grain's reminder hash, reminder index. ARGV: name, ETag, index member. Returns 1 if removed.</summary>
    public const string RemoveReminder = """
        local value = redis.call('HGET', KEYS[1], ARGV[1])
        if not value then return 0 end
        local stored = string.match(value, '|([^|]*)$')
        if stored ~= ARGV[2] then return 0 end
        redis.call('HDEL', KEYS[1], ARGV[1])
        if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
        return 1
        """;

    /// <summary>
    /// KEYS: a set. ARGV: cursor, page size. Returns {nextCursor, members}. StackExchange.Redis 1.2.6 has no
    /// async SSCAN, and its sync enumerator would block a thread per page, so the page is fetched through EVAL.
    /// </summary>
    public const string ScanSet = """
        return redis.call('SSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
        """;
}
