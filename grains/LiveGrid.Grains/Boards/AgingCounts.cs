using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Boards;

/// <summary>Open tickets per aging bucket (how much of their limit they have used).</summary>
public sealed record AgingCounts(int Under50 = 0, int From50To75 = 0, int From75To100 = 0, int Overdue = 0)
{
    public static AgingCounts Zero { get; } = new();

    public int Total => Under50 + From50To75 + From75To100 + Overdue;

    public int this[AgingBucket bucket] => bucket switch
    {
        AgingBucket.Under50 => Under50,
        AgingBucket.From50To75 => From50To75,
        AgingBucket.From75To100 => From75To100,
        _ => Overdue,
    };

    public AgingCounts With(AgingBucket bucket, int delta) => bucket switch
    {
        AgingBucket.Under50 => this with { Under50 = Under50 + delta },
        AgingBucket.From50To75 => this with { From50To75 = From50To75 + delta },
        AgingBucket.From75To100 => this with { From75To100 = From75To100 + delta },
        _ => this with { Overdue = Overdue + delta },
    };

    public AgingCounts Add(AgingCounts other) => new(
        Under50 + other.Under50, From50To75 + other.From50To75, From75To100 + other.From75To100, Overdue + other.Overdue);
}
