using LiveGrid.Grains.City;
using LiveGrid.Silo.Api.Common;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// The demo city's users, one per role, all with "LiveGrid:Auth:DemoPassword": the grid worker is a real demo worker
/// and the unit handler handles for a real department (README lists them).
/// </summary>
public sealed class DemoUsers(UserStore users, CityModel city, IOptions<AuthOptions> options, ILogger<DemoUsers> logger)
{
    public const string CommandCenter = "commander";
    public const string Operator = "operator";
    public const string UnitHandler = "handler";
    public const string GridWorker = "worker";
    public const string Assessor = "assessor";
    public const string Administrator = "admin";

    /// <summary>Creates the users that do not exist yet (an existing one keeps its password).</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        var territory = city.Territory;
        var worker = territory.Workers.OrderBy(w => w.Id, StringComparer.Ordinal).FirstOrDefault();
        var unit = territory.Departments.OrderBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault();
        var password = options.Value.DemoPassword;
        List<NewUser> demo =
        [
            new(CommandCenter, password, [LiveGridRoles.CommandCenter]),
            new(Operator, password, [LiveGridRoles.Operator]),
            new(Assessor, password, [LiveGridRoles.Assessor]),
            new(Administrator, password, [LiveGridRoles.Administrator]),
        ];
        if (worker is not null)
        {
            demo.Add(new NewUser(GridWorker, password, [LiveGridRoles.GridWorker], WorkerId: worker.Id));
        }

        if (unit is not null)
        {
            demo.Add(new NewUser(UnitHandler, password, [LiveGridRoles.UnitHandler], UnitId: unit.Id));
        }

        // One hash for all: they share the password, and hashing six times would slow the demo city's start.
        var hash = UserStore.HashPassword(password);
        var outcomes = await Task.WhenAll(demo.Select(async user =>
            (user.UserName, (await users.CreateAsync(user, new ValidationErrors(), hash)).Outcome))).WaitAsync(cancellationToken);
        var created = outcomes.Where(o => o.Outcome == UserCreateOutcome.Created).Select(o => o.UserName!).ToList();

        AuthLog.DemoUsersCreated(logger, created.Count, string.Join(", ", created));
    }
}
