namespace LiveGrid.Silo.Tests.Scenario;

/// <summary>
/// Steps of several stories, each at its own instant, run in time order (ties in the order they were added) with the
/// manual clock moved to each step's instant first. Lets every story read top to bottom while the clock only moves on.
/// </summary>
internal sealed class Timeline
{
    private readonly List<(DateTimeOffset At, int Order, string What, Func<Task> Step)> _steps = [];

    public void At(DateTimeOffset at, string what, Func<Task> step) => _steps.Add((at, _steps.Count, what, step));

    public async Task RunAsync(Func<DateTimeOffset, Task> moveClockTo)
    {
        foreach (var (at, _, what, step) in _steps.OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            await moveClockTo(at);
            try
            {
                await step();
            }
            catch (Exception ex) when (ex is not TimelineStepException)
            {
                throw new TimelineStepException($"The step \"{what}\" at {at:yyyy-MM-dd HH:mm:ss zzz} failed: {ex.Message}", ex);
            }
        }
    }
}
