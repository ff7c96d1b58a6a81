namespace LiveGrid.Grains.Demo;

/// <summary>How much demo history to create and how fast.</summary>
public sealed record DemoLoadOptions
{
    /// <summary>The seed of the city and of the history: the same seed and the same "now" give the same tickets.</summary>
    public int Seed { get; init; } = 20261206;

    /// <summary>How many days of history end now.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Tickets per day on average (东城区 handles about 3,000 cases a month: ≈ 100 a day).</summary>
    public int TicketsPerDay { get; init; } = 100;

    /// <summary>How many tickets are written at once.</summary>
    public int Parallelism { get; init; } = 32;
}
