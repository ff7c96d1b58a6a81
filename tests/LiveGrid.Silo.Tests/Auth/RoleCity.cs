using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Tests.Support;
using Xunit;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>
/// One silo shared by the role-matrix tests: a user per role (grid workers w1a of grid 1 and w3a of grid 3, unit
/// handlers of the municipal and the city-management departments) and tickets each of them relates to differently.
/// </summary>
public sealed class RoleCity : IAsyncLifetime
{
    public const string MunicipalUnit = "dept:szss";
    public const string CityManagementUnit = "dept:cgzf";

    /// <summary>The users the matrix names, by the key its rows use.</summary>
    public static readonly IReadOnlyList<string> Users =
        ["admin", "commander", "operator", "assessor", "worker-w1a", "worker-w3a", "handler-szss", "handler-cgzf"];

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    internal ApiSilo Silo { get; private set; } = null!;

    /// <summary>Grid 1, dispatched to the grid and accepted by w1a.</summary>
    public string Grid1Ticket { get; private set; } = "";

    /// <summary>Grid 3, dispatched to the grid (w3a's).</summary>
    public string Grid3Ticket { get; private set; } = "";

    /// <summary>Lies in grid 1 but is dispatched to the municipal department.</summary>
    public string MunicipalTicket { get; private set; } = "";

    /// <summary>Grid 1's morning patrol (w1a's).</summary>
    public string Grid1Patrol { get; } = $"{TestCity.Grid1}-20261123-0";

    public string Token(string user) => _tokens[user];

    internal HttpClient Client(string user) => _clients[user];

    public async Task InitializeAsync()
    {
        Silo = await ApiSilo.StartAsync();
        _tokens["admin"] = Silo.AccessToken;
        _tokens["commander"] = await Silo.SignInAsAsync(LiveGridRoles.CommandCenter);
        _tokens["operator"] = await Silo.SignInAsAsync(LiveGridRoles.Operator);
        _tokens["assessor"] = await Silo.SignInAsAsync(LiveGridRoles.Assessor);
        _tokens["worker-w1a"] = await Silo.SignInAsAsync(LiveGridRoles.GridWorker, workerId: "w1a");
        _tokens["worker-w3a"] = await Silo.SignInAsAsync(LiveGridRoles.GridWorker, workerId: "w3a");
        _tokens["handler-szss"] = await Silo.SignInAsAsync(LiveGridRoles.UnitHandler, unitId: MunicipalUnit);
        _tokens["handler-cgzf"] = await Silo.SignInAsAsync(LiveGridRoles.UnitHandler, unitId: CityManagementUnit);
        foreach (var (user, token) in _tokens)
        {
            _clients[user] = TestUsers.Client(Silo.Address, token);
        }

        Grid1Ticket = (await Silo.DispatchAndAcceptAsync((await Silo.ReceiveAsync(grid: 1)).Id(), grid: 1)).Id();
        Grid3Ticket = (await Silo.ReceiveAsync(grid: 3)).Id();
        await Silo.ActAsync(Grid3Ticket, "dispatch", new { actor = Actors.Dispatcher });
        MunicipalTicket = (await Silo.ReceiveAsync(grid: 1, category: "道路与设施", description: "人行道地砖松动")).Id();
        var dispatched = await Silo.ActAsync(MunicipalTicket, "dispatch", new { actor = Actors.Dispatcher, unitId = MunicipalUnit });
        dispatched.GetProperty("summary").GetProperty("leadUnitId").GetString().Should().Be(MunicipalUnit);

        var patrol = await Silo.Http.GetFromJsonAsync<JsonElement>($"/api/inspections/{Grid1Patrol}");
        patrol.GetProperty("summary").GetProperty("workerId").GetString().Should().Be("w1a", "the matrix treats grid 1's morning patrol as w1a's");
    }

    /// <summary>The ticket's version as the administrator reads it: a refused call must leave it as it was.</summary>
    public async Task<int> VersionAsync(string ticketId) =>
        (await Silo.Http.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticketId}")).GetProperty("summary").GetProperty("version").GetInt32();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Silo.DisposeAsync();
    }
}
