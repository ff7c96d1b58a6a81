namespace LiveGrid.Runtime.Tests.TestGrains;

public interface IThrowingGrain : IGrainWithStringKey
{
    /// <summary>Throws <see cref="InvalidOperationException"/> before returning a task.</summary>
    Task ThrowSync(string message);

    /// <summary>Throws <see cref="TicketRejectedException"/> after an await.</summary>
    Task<int> ThrowAsync(string message);

    /// <summary>Throws <see cref="ArgumentException"/> from a ValueTask-returning method.</summary>
    ValueTask<int> ThrowFromValueTask(string message);

    /// <summary>Increments an in-memory count and the persistent state; returns the persistent value.</summary>
    Task<int> Increment();

    Task<int> GetInMemoryCount();
}
