using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tests.Properties;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Boards;

/// <summary>
/// A seeded random history of ticket changes across the four grids (new tickets, transitions, moves between grids,
/// late duplicates of old revisions, clock jumps across local midnight and past the idle-collection age) fed the way
/// ticket grains feed them: catalog first, then the grid (and the grid a ticket left). Every grid board and the city
/// board must equal a recount of the final summaries.
/// </summary>
public sealed class BoardRecountPropertyTests
{
    private static readonly TicketStatus[] Statuses = Enum.GetValues<TicketStatus>();
    private static readonly AgingBucket?[] Buckets = [null, AgingBucket.Under50, AgingBucket.From50To75, AgingBucket.From75To100, AgingBucket.Overdue];
    private static readonly SupervisionLevel?[] Supervisions = [null, null, SupervisionLevel.Reminder, SupervisionLevel.FormalNotice, SupervisionLevel.Escalation];
    private static readonly TerritoryLevel?[] Escalations = [null, TerritoryLevel.Grid, TerritoryLevel.Community, TerritoryLevel.Street];
    private static readonly CallbackRating[] Ratings = Enum.GetValues<CallbackRating>();

    /// <param name="seed">The history's seed.</param>
    /// <param name="idleJumps">Whether the clock sometimes jumps past the collection age, so grids are deactivated and
    /// derive their boards again from the catalog; without, the incremental counting carries the whole history.</param>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public async Task The_city_board_equals_a_recount_of_the_final_summaries(int seed, bool idleJumps)
    {
        var random = new Random(seed);
        await using var silo = await TestCity.StartSiloAsync(ShanghaiTime.At("2026-03-09 19:00"));
        var city = silo.Services.GetRequiredService<CityModel>();
        var catalog = silo.Services.GetRequiredService<ITicketCatalog>();
        var history = new Dictionary<string, List<TicketSummary>>(StringComparer.Ordinal);

        for (var step = 0; step < 2500; step++)
        {
            var now = silo.Time.GetUtcNow();
            var roll = random.NextDouble();
            if (roll < 0.15 || history.Count == 0)
            {
                var id = $"t{history.Count:0000}";
                var received = now - TimeSpan.FromMinutes(random.Next(0, 36 * 60));
                var summary = RandomSummary(random, id, 1, Pick(random, TestCity.Grids), received, now);
                history[id] = [summary];
                await Publish(silo, catalog, summary, previousGrid: null);
            }
            else if (roll < 0.75)
            {
                var revisions = history.Values.ElementAt(random.Next(history.Count));
                var last = revisions[^1];
                var grid = random.NextDouble() < 0.1 ? Pick(random, TestCity.Grids) : last.GridCode!;
                var summary = RandomSummary(random, last.Id, last.Revision + 1, grid, last.ReceivedAt, now);
                revisions.Add(summary);
                await Publish(silo, catalog, summary, last.GridCode);
            }
            else if (roll < 0.95)
            {
                // A late or repeated report of an old revision, to the grid that revision named.
                var revisions = history.Values.ElementAt(random.Next(history.Count));
                var old = revisions[random.Next(revisions.Count)];
                await silo.GrainFactory.GetGrain<IGridGrain>(old.GridCode!).TrackTicket(old);
            }
            else if (roll < 0.995 || !idleJumps)
            {
                silo.Time.Advance(TimeSpan.FromMinutes(random.Next(0, 15)));
            }
            else
            {
                silo.Time.Advance(TimeSpan.FromMinutes(random.Next(16, 40)));
            }
        }

        await silo.SettleAsync();

        var final = history.Values.Select(revisions => revisions[^1]).ToList();
        var day = city.LocalDate(silo.Time.GetUtcNow());
        day.Should().BeAfter(ShanghaiTime.Day("2026-03-09"), "the history crosses local midnight");
        foreach (var gridCode in TestCity.Grids)
        {
            var board = await silo.GrainFactory.GetGrain<IGridGrain>(gridCode).GetBoard();
            board.Counters.Should().BeEquivalentTo(Recount(city, day, final.Where(s => s.GridCode == gridCode)), $"grid {gridCode} counts its own final summaries");
            board.OpenTickets.Should().BeEquivalentTo(final.Where(s => s.GridCode == gridCode && s.IsOpen));
        }

        var cityBoard = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
        var expected = Recount(city, day, final);
        cityBoard.Counters.Should().BeEquivalentTo(expected);
        cityBoard.Counters.Open.Should().BeGreaterThan(0, "the history leaves open tickets, so the comparison is not of two empty boards");
        cityBoard.Counters.ReceivedToday.Should().BeGreaterThan(0);
        cityBoard.BreachingNext.Select(b => b.TicketId).Should().Equal(
            final.Where(s => s.IsOpen && !s.IsSuspended && s.Deadline is not null && s.AgingStage is not null)
                .OrderBy(s => s.Deadline).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Take(GridTally.BreachListSize)
                .Select(s => s.Id));
    }

    /// <summary>What a ticket grain does after a change: the catalog, its grid, and the grid it left.</summary>
    private static async Task Publish(TestSilo silo, ITicketCatalog catalog, TicketSummary summary, string? previousGrid)
    {
        catalog.Upsert(summary);
        await silo.GrainFactory.GetGrain<IGridGrain>(summary.GridCode!).TrackTicket(summary);
        if (previousGrid is not null && previousGrid != summary.GridCode)
        {
            await silo.GrainFactory.GetGrain<IGridGrain>(previousGrid).TrackTicket(summary);
        }
    }

    /// <summary>The board's counters recounted from scratch (<see cref="TicketRecount"/>).</summary>
    private static BoardCounters Recount(CityModel city, DateOnly day, IEnumerable<TicketSummary> tickets)
    {
        var all = tickets.ToList();
        // Synthetic summaries have no audit trail: a terminal ticket ended when its summary says it closed (or last changed).
        var terminalAt = all.Where(t => !t.IsOpen).ToDictionary(t => t.Id, t => t.ClosedAt ?? t.LastChangedAt);
        return TicketRecount.Of(city, day, all, terminalAt);
    }

    private static TicketSummary RandomSummary(Random random, string id, long revision, string grid, DateTimeOffset received, DateTimeOffset now)
    {
        var status = Pick(random, Statuses);
        var open = status is not (TicketStatus.Closed or TicketStatus.Merged);
        var bucket = open ? Pick(random, Buckets) : null;
        var resolved = status is TicketStatus.Resolved or TicketStatus.CalledBack or TicketStatus.Closed || random.NextDouble() < 0.1;
        var rated = status is TicketStatus.CalledBack or TicketStatus.Closed;
        DateTimeOffset Earlier(int maxHours) => now - TimeSpan.FromMinutes(random.Next(0, maxHours * 60));
        return new TicketSummary
        {
            Id = id,
            Version = (int)revision,
            Revision = revision,
            Status = status,
            Source = TicketSource.Hotline,
            Category = DefaultCategoryCodes.ExposedRubbish,
            GridCode = grid,
            Title = $"ticket {id} r{revision}",
            ReceivedAt = received,
            LastChangedAt = now,
            AgingStage = bucket is null ? null : SlaStage.Resolve,
            Deadline = bucket is null ? null : now + TimeSpan.FromSeconds(random.Next(-36_000, 108_000)),
            Bucket = bucket,
            IsSuspended = status == TicketStatus.Suspended,
            Supervision = open ? Pick(random, Supervisions) : null,
            EscalatedTo = open ? Pick(random, Escalations) : null,
            ResolvedAt = resolved ? Earlier(30) : null,
            ResolvedOnTime = resolved ? random.NextDouble() < 0.7 : null,
            Rating = rated ? Pick(random, Ratings) : null,
            CalledBackAt = rated ? Earlier(30) : null,
            ClosedAt = status == TicketStatus.Closed ? Earlier(20) : null,
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
