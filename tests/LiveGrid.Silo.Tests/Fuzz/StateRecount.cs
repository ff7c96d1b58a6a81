using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Api.Tickets;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Everything a refused request could have touched, read through the API: every ticket (list, view, audit trail),
/// the boards, the workers, the patrols, the territory and the stored reports. The clock stands still during the
/// fuzz, so two recounts of an unchanged city are equal byte for byte.
/// </summary>
internal static class StateRecount
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(ApiSilo silo, FuzzFixture fixture)
    {
        var paths = new List<string> { $"/api/tickets?pageSize={TicketListQuery.MaxPageSize}", "/api/boards/city", $"/api/boards/{TestCity.Street}", "/api/territory", "/api/reports", "/api/users" };
        foreach (var ticket in fixture.Tickets)
        {
            paths.Add($"/api/tickets/{ticket.Id}");
            paths.Add($"/api/tickets/{ticket.Id}/audit");
        }

        paths.AddRange(TestCity.Grids.Select(grid => $"/api/grids/{grid}"));
        paths.AddRange(Enumerable.Range(1, 4).SelectMany(n => new[] { $"w{n}a", $"w{n}b", $"w{n}c" }).Select(w => $"/api/workers/{w}"));
        paths.AddRange(FuzzFixture.Inspections.Select(id => $"/api/inspections/{id}"));

        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var response = await silo.Http.GetAsync(path);
            state[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return state;
    }

    /// <summary>The paths whose answer differs, with both answers shortened.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
    [
        .. before.Where(entry => after[entry.Key] != entry.Value)
            .Select(entry => $"{entry.Key}: before {Short(entry.Value)} after {Short(after[entry.Key])}"),
    ];

    private static string Short(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
