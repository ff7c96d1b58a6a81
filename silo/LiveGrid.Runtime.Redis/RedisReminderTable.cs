using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveGrid.Runtime.Redis;

/// <summary>
/// Reminders in Redis: one hash per grain (field = reminder name) plus a set indexing the grains that
/// have any, which <see cref="ReadAllAsync"/> walks with SSCAN (never KEYS).
/// </summary>
public sealed class RedisReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private const int ScanPageSize = 500;

    private readonly RedisConnection _connection;
    private readonly bool _ownsConnection;

    /// <summary>Uses a connection shared with other providers (the DI setup).</summary>
    public RedisReminderTable(RedisConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>Opens its own connection; disposing closes it.</summary>
    public RedisReminderTable(RedisStorageOptions options)
    {
        _connection = new RedisConnection(Options.Create(options));
        _ownsConnection = true;
    }

    public string ProviderName => "redis";

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<ReminderEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        RedisKey[] index = [_connection.Keys.ReminderIndex];
        var cursor = "0";
        do
        {
            RedisValue[] args = [cursor, ScanPageSize];
            var page = (RedisResult[])(await _connection.RunAsync("SSCAN", db => db.ScriptEvaluateAsync(RedisScripts.ScanSet, index, args), cancellationToken).ConfigureAwait(false));
            cursor = (string)page[0]!;
            // SSCAN may return a member twice; each grain is read once. The page's hashes are fetched pipelined.
            var members = ((RedisResult[])page[1]).Select(m => (string)m!).Where(seen.Add).ToList();
            var grains = await Task.WhenAll(members.Select(member => ReadGrainAsync(RedisKeys.ParseIndexMember(member), member, cancellationToken))).ConfigureAwait(false);
            foreach (var grain in grains)
            {
                rows.AddRange(grain);
            }
        }
        while (cursor != "0");

        return rows;
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        ReadGrainAsync(grainId, RedisKeys.IndexMember(grainId), cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        var key = _connection.Keys.Reminders(RedisKeys.IndexMember(grainId));
        var value = await _connection.RunAsync("HGET", db => db.HashGetAsync(key, reminderName), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : RedisReminderValue.Decode(grainId, reminderName, value!);
    }

    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        var member = RedisKeys.IndexMember(entry.GrainId);
        RedisKey[] keys = [_connection.Keys.Reminders(member), _connection.Keys.ReminderIndex, _connection.Keys.EtagSequence];
        RedisValue[] args = [entry.ReminderName, RedisReminderValue.Encode(entry), member];
        var result = await _connection.RunAsync("upsert script", db => db.ScriptEvaluateAsync(RedisScripts.UpsertReminder, keys, args), cancellationToken).ConfigureAwait(false);
        return (string)result!;
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentNullException.ThrowIfNull(etag);
        var member = RedisKeys.IndexMember(grainId);
        RedisKey[] keys = [_connection.Keys.Reminders(member), _connection.Keys.ReminderIndex];
        RedisValue[] args = [reminderName, etag, member];
        var result = await _connection.RunAsync("remove script", db => db.ScriptEvaluateAsync(RedisScripts.RemoveReminder, keys, args), cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    public ValueTask DisposeAsync() => _ownsConnection ? _connection.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, string member, CancellationToken cancellationToken)
    {
        var key = _connection.Keys.Reminders(member);
        var fields = await _connection.RunAsync("HGETALL", db => db.HashGetAllAsync(key), cancellationToken).ConfigureAwait(false);
        return [.. fields.Select(field => RedisReminderValue.Decode(grainId, (string)field.Name!, (string)field.Value!))];
    }
}
