using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveGrid.Runtime.Redis;

/// <summary>
/// The one <see cref="ConnectionMultiplexer"/> shared by <see cref="RedisGrainStorage"/> and <see cref="RedisReminderTable"/>.
/// It connects on first use and never aborts on a failed connect (it keeps reconnecting in the background),
/// while every operation is bounded by <see cref="RedisStorageOptions.OperationTimeout"/> so callers fail fast instead of hanging.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisStorageOptions _options;
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private int _disposed;

    public RedisConnection(IOptions<RedisStorageOptions> options, ILogger<RedisConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? NullLogger<RedisConnection>.Instance;
        _configuration = ConfigurationOptions.Parse(_options.ConnectionString);
        _configuration.AbortOnConnectFail = false;
        _configuration.ConnectTimeout = (int)_options.ConnectTimeout.TotalMilliseconds;
        _configuration.SyncTimeout = (int)_options.OperationTimeout.TotalMilliseconds;
        Endpoint = string.Join(",", _configuration.EndPoints.Select(e => e.ToString()));
        Keys = new RedisKeys(_options.KeyPrefix);
    }

    /// <summary>The server(s) as configured, without the password, for messages and health.</summary>
    public string Endpoint { get; }

    internal RedisKeys Keys { get; }

    /// <summary>Runs one Redis call, turning "no answer in time" into a <see cref="TimeoutException"/> that names the server.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(database).WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Redis at {Endpoint} did not answer {operation} within {_options.OperationTimeout.TotalSeconds:0.#} s.", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Task<ConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            connecting = _connecting;
        }

        if (connecting is null)
        {
            return;
        }

        try
        {
            var multiplexer = await connecting.ConfigureAwait(false);
            // Let commands already sent complete, so acknowledged-but-unanswered writes are not cut off.
            await multiplexer.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
            multiplexer.Dispose();
        }
        catch (Exception exception)
        {
            _logger.LogDebug(exception, "Closing the Redis connection to {Endpoint} failed", Endpoint);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        Task<ConnectionMultiplexer> connecting;
        lock (_gate)
        {
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            connecting = _connecting;
        }

        var multiplexer = await connecting.WaitAsync(_options.ConnectTimeout + _options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        // With AbortOnConnectFail off this returns after ConnectTimeout even if the server is down; the multiplexer
        // then reconnects by itself and operations fail with RedisConnectionException until it does.
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        if (multiplexer.IsConnected)
        {
            _logger.LogInformation("Connected to Redis at {Endpoint}", Endpoint);
        }
        else
        {
            _logger.LogWarning("Redis at {Endpoint} is not reachable yet; retrying in the background", Endpoint);
        }

        multiplexer.ConnectionFailed += (_, e) => _logger.LogWarning(e.Exception, "Lost Redis connection to {Endpoint}: {FailureType}", e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => _logger.LogInformation("Redis connection to {Endpoint} restored", e.EndPoint);
        return multiplexer;
    }
}
