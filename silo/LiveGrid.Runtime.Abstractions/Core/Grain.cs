using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Runtime;

/// <summary>
/// Base class of every grain. As in Orleans, the runtime constructs the grain inside its
/// activation, so the base constructor picks up the activation's context from the runtime
/// and grain constructors take only their own dependencies.
/// </summary>
public abstract class Grain : IGrain
{
    protected Grain()
    {
        GrainContext = GrainContextAccessor.CurrentlyActivating
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was constructed outside the grain runtime. Get grains through IGrainFactory.GetGrain.");
    }

    /// <summary>For unit tests that construct a grain around a context of their own.</summary>
    protected Grain(IGrainContext context)
    {
        GrainContext = context ?? throw new ArgumentNullException(nameof(context));
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    protected TimeProvider TimeProvider => GrainContext.TimeProvider;

    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Runs once, inside the activation's first turn, after persistent state has been read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once, inside the activation's last turn. Not guaranteed on a crash.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>
    /// A timer that runs <paramref name="callback"/> inside this grain's turn: never at the same time as a
    /// call or as itself. The next period starts when the callback's task completes. It stops at deactivation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(callback, state, options);

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(callback, state, new GrainTimerCreationOptions(dueTime, period));

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// A durable reminder: it survives deactivation and a restart of the host, and activates the grain
    /// (which must implement <see cref="IRemindable"/>) when it is due. Resolution is one second.
    /// A <paramref name="period"/> of <see cref="Timeout.InfiniteTimeSpan"/> makes a one-shot reminder,
    /// removed once it has been delivered.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.Reminders.RegisterOrUpdateReminder(reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) => GrainContext.Reminders.UnregisterReminder(reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => GrainContext.Reminders.GetReminder(reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => GrainContext.Reminders.GetReminders();
}
