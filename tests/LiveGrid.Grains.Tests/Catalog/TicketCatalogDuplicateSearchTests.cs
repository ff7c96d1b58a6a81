using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Tests.Support;

namespace LiveGrid.Grains.Tests.Catalog;

/// <summary>The map cells behind duplicate search only narrow it: what they return is what a full scan returns.</summary>
public sealed class TicketCatalogDuplicateSearchTests
{
    private static readonly DateTimeOffset At = ShanghaiTime.At("2026-03-09 10:00");

    [Theory]
    [InlineData(121.4749, 31.2299)] // a cell corner: 121.475 / 31.23 are cell edges
    [InlineData(179.9995, 0.0)] // next to the antimeridian
    [InlineData(-0.0001, -0.0001)] // around zero, where the cells change sign
    [InlineData(10.0, 89.999)] // near a pole, where a cell is a few meters wide
    public void Every_open_ticket_within_the_distance_is_found_whatever_cells_it_lies_in(double longitude, double latitude)
    {
        var catalog = new TicketCatalog();
        var random = new Random(7);
        var expected = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            // Up to ~450 m away in any direction (longitude scaled so the spread is in meters, not degrees).
            var lat = Math.Clamp(latitude + ((random.NextDouble() - 0.5) * 0.008), -90, 90);
            var lon = longitude + ((random.NextDouble() - 0.5) * 0.008 / Math.Max(0.01, Math.Cos(double.DegreesToRadians(latitude))));
            var ticket = Summaries.Ticket($"t{i}", TestCity.Grid1, At.AddMinutes(-i)) with { Category = "暴露垃圾", Longitude = lon, Latitude = lat };
            catalog.Upsert(ticket);
            if (GeoDistance.Meters(longitude, latitude, lon, lat) <= 200)
            {
                expected.Add(ticket.Id);
            }
        }

        var found = catalog.FindDuplicates("暴露垃圾", longitude, latitude, At, TimeSpan.FromDays(1), 200, excludeTicketId: null);

        expected.Should().NotBeEmpty().And.HaveCountLessThan(400, "the spread must put tickets both inside and outside the distance");
        found.Select(c => c.TicketId).Should().BeEquivalentTo(expected);
        found.Select(c => c.DistanceMeters).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_ticket_that_moves_or_closes_leaves_its_old_cell()
    {
        var catalog = new TicketCatalog();
        var ticket = Summaries.Ticket("t1", TestCity.Grid1, At) with { Category = "暴露垃圾", Longitude = 121.47, Latitude = 31.23 };
        catalog.Upsert(ticket);
        var moved = ticket.Next(At.AddMinutes(1), s => s with { Longitude = 121.50, Latitude = 31.25 });
        catalog.Upsert(moved);

        catalog.FindDuplicates("暴露垃圾", 121.47, 31.23, At.AddMinutes(2), TimeSpan.FromDays(1), 200, null).Should().BeEmpty();
        catalog.FindDuplicates("暴露垃圾", 121.50, 31.25, At.AddMinutes(2), TimeSpan.FromDays(1), 200, null)
            .Should().ContainSingle().Which.TicketId.Should().Be("t1");

        catalog.Upsert(moved.Closed(At.AddMinutes(3)));
        catalog.FindDuplicates("暴露垃圾", 121.50, 31.25, At.AddMinutes(4), TimeSpan.FromDays(1), 200, null).Should().BeEmpty();
    }
}
