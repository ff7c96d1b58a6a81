using LiveGrid.Runtime.Core;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Runtime.Reminders;

/// <summary>
/// Durable reminders. Rows live in the <see cref="IReminderTable"/>; every row is scheduled in the runtime's
/// timer queue, so resolution is the queue's (well under the one second promised). When one is due the grain
/// is called through its normal mailbox, which activates it if needed.
/// <para>Delivery is at least once: a one-shot reminder's row is removed only after the grain has handled it,
/// so a crash in between delivers it again after restart. A periodic reminder whose ticks fell due while the
/// host was down fires at its next tick, not once per missed tick (as in Orleans).</para>
/// </summary>
internal sealed class ReminderService(GrainRuntimeCore runtime, IReminderTable table, ILogger logger)
{
    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(1);

    private static readonly VoidMethodDispatcher ReceiveReminder =
        (VoidMethodDispatcher)MethodDispatcher.For(typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!);

    private readonly ReminderSchedule _schedule = new();
    private volatile bool _stopped;
    private volatile bool _loaded;

    /// <summary>True once every durable reminder row has been read and scheduled.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>
    /// Reads and schedules every reminder row. If the store cannot be read now (Redis down at start), the host
    /// still starts, reports the store unhealthy, and keeps trying in the background: no reminder is lost, and
    /// overdue one-shot reminders fire as soon as they are loaded.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not read reminders from {Provider}; retrying in the background", table.ProviderName);
            _ = RetryLoadAsync();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await table.ReadAllAsync(cancellationToken);
        foreach (var row in rows)
        {
            // A reminder registered while loading was retried is newer than the row read here.
            if (_schedule.Find(row.GrainId, row.ReminderName) is null)
            {
                Arm(row);
            }
        }

        _loaded = true;
        logger.LogInformation("Loaded {ReminderCount} durable reminders from {Provider}", rows.Count, table.ProviderName);
    }

    private async Task RetryLoadAsync()
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!_stopped)
        {
            try
            {
                await Task.Delay(delay, runtime.Time, runtime.StoppingToken);
                await LoadAsync(runtime.StoppingToken);
                return;
            }
            catch (OperationCanceledException) when (runtime.StoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading reminders from {Provider} failed again; next try in {Delay}", table.ProviderName, delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumRetryDelay.Ticks));
            }
        }
    }

    public void Stop()
    {
        _stopped = true;
        foreach (var ticker in _schedule.All())
        {
            runtime.Timers.Cancel(ticker);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time cannot be negative.");
        }

        if (period != Timeout.InfiniteTimeSpan && period < MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder's period must be at least one second, or Timeout.InfiniteTimeSpan for a one-shot reminder.");
        }

        var grainClass = runtime.Registry.ForTypeName(grainId.Type);
        if (grainClass is null || !typeof(IRemindable).IsAssignableFrom(grainClass.ClassType))
        {
            throw new InvalidOperationException($"{grainId} cannot register reminders: its grain class does not implement IRemindable.");
        }

        var entry = new ReminderEntry(grainId, reminderName, runtime.Time.GetUtcNow() + dueTime, period);
        var etag = await table.UpsertAsync(entry);
        Arm(entry with { ETag = etag });
        return new GrainReminder(reminderName, etag, entry.StartAt);
    }

    public async Task UnregisterAsync(GrainId grainId, string reminderName)
    {
        if (_schedule.Find(grainId, reminderName) is not { } ticker)
        {
            return;
        }

        await table.RemoveAsync(grainId, reminderName, ticker.Entry.ETag!);
        Disarm(ticker);
    }

    public IGrainReminder? Get(GrainId grainId, string reminderName) =>
        _schedule.Find(grainId, reminderName) is { } ticker ? new GrainReminder(reminderName, ticker.Entry.ETag!, ticker.Entry.StartAt) : null;

    public IReadOnlyList<IGrainReminder> GetAll(GrainId grainId) =>
        [.. _schedule.ForGrain(grainId).Select(t => new GrainReminder(t.Entry.ReminderName, t.Entry.ETag!, t.Entry.StartAt))];

    public int Count => _schedule.Count;

    private int _deliveriesInFlight;

    /// <summary>Reminders handed to their grain whose delivery (and, for one-shots, removal) has not finished.</summary>
    internal int DeliveriesInFlight => Volatile.Read(ref _deliveriesInFlight);

    internal void Deliver(ReminderTicker ticker, long dueTicks)
    {
        if (_stopped)
        {
            return;
        }

        var entry = ticker.Entry;
        var grainClass = runtime.Registry.ForTypeName(entry.GrainId.Type);
        if (grainClass is null)
        {
            logger.LogError("Reminder {ReminderName} of {GrainId}: no grain class has type name {GrainType}", entry.ReminderName, entry.GrainId, entry.GrainId.Type);
            return;
        }

        var status = new TickStatus(entry.StartAt, entry.Period, new DateTimeOffset(dueTicks, TimeSpan.Zero));
        Interlocked.Increment(ref _deliveriesInFlight);
        ReceiveReminder.SendTyped(runtime, entry.GrainId, grainClass, [entry.ReminderName, status])
            .ContinueWith(
                static (delivery, state) =>
                {
                    var (service, ticker) = ((ReminderService, ReminderTicker))state!;
                    _ = service.AfterDeliveryAsync(ticker, delivery);
                },
                (this, ticker),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
    }

    private async Task AfterDeliveryAsync(ReminderTicker ticker, Task delivery)
    {
        try
        {
            await FinishDeliveryAsync(ticker, delivery);
        }
        finally
        {
            Interlocked.Decrement(ref _deliveriesInFlight);
        }
    }

    private async Task FinishDeliveryAsync(ReminderTicker ticker, Task delivery)
    {
        var entry = ticker.Entry;
        var current = _schedule.IsCurrent(ticker);
        if (delivery.IsFaulted)
        {
            logger.LogWarning(delivery.Exception?.GetBaseException(), "Reminder {ReminderName} of {GrainId} failed", entry.ReminderName, entry.GrainId);
        }

        if (!current || _stopped)
        {
            // Re-registered (or unregistered) while it was being delivered: the newer schedule stands.
            return;
        }

        if (!entry.IsOneShot)
        {
            runtime.Timers.Schedule(ticker, NextTick(entry, runtime.NowTicks + 1));
            return;
        }

        if (delivery.IsFaulted || delivery.IsCanceled)
        {
            // A one-shot reminder must not be lost to a failed delivery: retry with back-off.
            ticker.Failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, ticker.Failures - 1), MaximumRetryDelay.TotalSeconds));
            runtime.Timers.Schedule(ticker, runtime.NowTicks + delay.Ticks);
            return;
        }

        try
        {
            await table.RemoveAsync(entry.GrainId, entry.ReminderName, entry.ETag!);
            Disarm(ticker);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Removing delivered one-shot reminder {ReminderName} of {GrainId} failed; it will be delivered again", entry.ReminderName, entry.GrainId);
            runtime.Timers.Schedule(ticker, runtime.NowTicks + MaximumRetryDelay.Ticks);
        }
    }

    private void Arm(ReminderEntry entry)
    {
        var ticker = new ReminderTicker(this, entry);
        if (_schedule.Replace(ticker) is { } replaced)
        {
            runtime.Timers.Cancel(replaced);
        }
        else
        {
            runtime.Metrics.RemindersArmed.Add(1);
        }

        if (!_stopped)
        {
            runtime.Timers.Schedule(ticker, NextTick(entry, runtime.NowTicks));
        }
    }

    private void Disarm(ReminderTicker ticker)
    {
        if (_schedule.Remove(ticker))
        {
            runtime.Timers.Cancel(ticker);
            runtime.Metrics.RemindersArmed.Add(-1);
        }
    }

    /// <summary>The first tick at or after <paramref name="notBeforeTicks"/>; a one-shot that is overdue fires now.</summary>
    private static long NextTick(ReminderEntry entry, long notBeforeTicks)
    {
        var start = entry.StartAt.UtcTicks;
        if (entry.IsOneShot || start >= notBeforeTicks)
        {
            return start;
        }

        var period = entry.Period.Ticks;
        var elapsedPeriods = (notBeforeTicks - start + period - 1) / period;
        return start + (elapsedPeriods * period);
    }
}
