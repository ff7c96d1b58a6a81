using System.Globalization;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Ticket numbers of one local date (key "20261122"): the count is written before the number is handed out, so a
/// number is never given twice, even across a crash (a crash after the write only skips one).
/// </summary>
public sealed class TicketNumberGrain([PersistentState("ticketNumbers")] IPersistentState<TicketNumberState> state)
    : Grain, ITicketNumberGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!DateOnly.TryParseExact(key, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException($"A ticket number grain is keyed by a local date as yyyyMMdd; got '{key}'.");
        }

        return Task.CompletedTask;
    }

    public async Task<string> Next()
    {
        state.State.Count++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await ForgetUnsavedCountAsync();
            throw;
        }

        return $"{this.GetPrimaryKeyString()}-{state.State.Count.ToString("000000", CultureInfo.InvariantCulture)}";
    }

    public Task<int> Count() => Task.FromResult(state.State.Count);

    public async Task<IReadOnlyList<string>> NextMany(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = state.State.Count + 1;
        state.State.Count += count;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await ForgetUnsavedCountAsync();
            throw;
        }

        var key = this.GetPrimaryKeyString();
        return [.. Enumerable.Range(first, count).Select(n => $"{key}-{n.ToString("000000", CultureInfo.InvariantCulture)}")];
    }

    /// <summary>
    /// A failed write may have been applied all the same (Redis went away before answering): take the count and ETag
    /// the store holds, which can only skip numbers, never repeat one. When the store cannot be read either, drop the
    /// activation so the next call reads it afresh.
    /// </summary>
    private async Task ForgetUnsavedCountAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>The key of the number grain for an instant: the city's local date.</summary>
    public static string KeyFor(DateOnly localDate) => localDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
