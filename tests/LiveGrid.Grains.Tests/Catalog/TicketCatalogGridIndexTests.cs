using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Tests.Support;

namespace LiveGrid.Grains.Tests.Catalog;

public sealed class TicketCatalogGridIndexTests
{
    private static readonly DateTimeOffset At = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public void A_grid_lists_the_tickets_whose_latest_summary_names_it()
    {
        var catalog = new TicketCatalog();
        var t1 = Summaries.Ticket("t1", TestCity.Grid1, At);
        var t2 = Summaries.Ticket("t2", TestCity.Grid1, At);
        catalog.Upsert(t1);
        catalog.Upsert(t2);
        catalog.Upsert(Summaries.Ticket("t3", TestCity.Grid2, At));
        var moved = t1.Next(At.AddMinutes(1), s => s with { GridCode = TestCity.Grid3 });
        catalog.Upsert(moved);
        catalog.Upsert(t1);
        var closed = t2.Closed(At.AddMinutes(2));
        catalog.Upsert(closed);

        catalog.InGrid(TestCity.Grid1).Should().ContainSingle().Which.Should().Be(closed, "closed tickets stay listed: they count in today's counters");
        catalog.InGrid(TestCity.Grid3).Should().ContainSingle().Which.Should().Be(moved);
        catalog.InGrid(TestCity.Grid2).Select(t => t.Id).Should().Equal("t3");
        catalog.InGrid(TestCity.Grid4).Should().BeEmpty();
    }

    [Fact]
    public async Task Racing_upserts_of_one_ticket_leave_it_under_the_grid_of_its_highest_revision_only()
    {
        var catalog = new TicketCatalog();
        var revisions = Enumerable.Range(1, 2000)
            .Select(r => Summaries.Ticket("t1", TestCity.Grids[r % 4], At, revision: r))
            .ToList();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            foreach (var summary in revisions.Where(s => s.Revision % 4 == worker))
            {
                catalog.Upsert(summary);
            }
        })));

        var last = revisions[^1];
        TestCity.Grids.SelectMany(catalog.InGrid).Should().ContainSingle().Which.Should().Be(last);
    }
}
