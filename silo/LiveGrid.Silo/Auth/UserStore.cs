using System.Security.Claims;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Users;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using Microsoft.AspNetCore.Identity;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// Sign-in accounts over the user grains: passwords hashed with the framework's <see cref="PasswordHasher{TUser}"/>
/// here in the host (the grains store only the hash), accounts checked against the territory they are bound to.
/// </summary>
public sealed class UserStore(IGrainFactory grains, CityModel city, TimeProvider time)
{
    public const int MinimumPasswordLength = 8;

    public const int MaximumUserNameLength = 64;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
    private static readonly string UnknownUserHash = Hasher.HashPassword(null!, "no such user");

    public Task<UserAccount?> FindAsync(string userName) =>
        string.IsNullOrWhiteSpace(userName)
            ? Task.FromResult<UserAccount?>(null)
            : grains.GetGrain<IUserGrain>(UserNames.Normalize(userName)).Get();

    public Task<IReadOnlyList<UserEntry>> ListAsync() => grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).List();

    /// <summary>The enabled account whose password this is, or null; the same answer for a wrong name and a wrong password.</summary>
    public async Task<UserAccount?> VerifyAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var account = await FindAsync(userName);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, UnknownUserHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || !account.Enabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = await grains.GetGrain<IUserGrain>(UserNames.Normalize(account.UserName)).Save(
                account with { PasswordHash = Hasher.HashPassword(account, password), UpdatedAt = time.GetUtcNow() });
        }

        return account;
    }

    /// <summary>
    /// Creates the account unless one of that name exists; <paramref name="errors"/> says what is not valid.
    /// <paramref name="passwordHash"/>, when given, is <see cref="HashPassword"/> of the user's password, made once for
    /// many accounts that share it (the demo users): hashing is deliberately slow.
    /// </summary>
    public async Task<(UserCreateOutcome Outcome, UserAccount? Account)> CreateAsync(NewUser user, ValidationErrors errors, string? passwordHash = null)
    {
        Validate(user, errors);
        if (errors.Any)
        {
            return (UserCreateOutcome.Invalid, null);
        }

        var now = time.GetUtcNow();
        var account = new UserAccount
        {
            UserName = user.UserName!.Trim(),
            PasswordHash = "",
            Roles = [.. user.Roles!.Select(role => LiveGridRoles.All.First(known => string.Equals(known, role.Trim(), StringComparison.OrdinalIgnoreCase))).Distinct()],
            WorkerId = Blank(user.WorkerId),
            UnitId = Blank(user.UnitId),
            CreatedAt = now,
            UpdatedAt = now,
        };
        account = account with { PasswordHash = passwordHash ?? HashPassword(user.Password!) };
        var created = await grains.GetGrain<IUserGrain>(UserNames.Normalize(account.UserName)).Create(account);
        return created ? (UserCreateOutcome.Created, account) : (UserCreateOutcome.Exists, null);
    }

    /// <summary>The framework's hash of <paramref name="password"/> (PBKDF2, salted).</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    /// <summary>The claims of a signed-in account, for <paramref name="scheme"/>.</summary>
    public ClaimsPrincipal Principal(UserAccount account, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, account.UserName), new(ClaimTypes.NameIdentifier, UserNames.Normalize(account.UserName))];
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (account.WorkerId is { } worker)
        {
            claims.Add(new Claim(LiveGridClaims.Worker, worker));
        }

        if (account.UnitId is { } unit)
        {
            claims.Add(new Claim(LiveGridClaims.Unit, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private void Validate(NewUser user, ValidationErrors errors)
    {
        var name = user.UserName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("userName", "the user name is required");
        }
        else if (name.Length > MaximumUserNameLength || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("userName", $"the user name is 1 to {MaximumUserNameLength} characters without blanks");
        }

        if (user.Password is null || user.Password.Length < MinimumPasswordLength)
        {
            errors.Add("password", $"the password has at least {MinimumPasswordLength} characters");
        }

        var roles = user.Roles?.Where(role => !string.IsNullOrWhiteSpace(role)).ToList() ?? [];
        if (roles.Count == 0)
        {
            errors.Add("roles", $"at least one role: {string.Join(", ", LiveGridRoles.All)}");
        }

        foreach (var role in roles.Where(role => !LiveGridRoles.All.Contains(role.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add("roles", $"'{role}' is not a role; the roles are {string.Join(", ", LiveGridRoles.All)}");
        }

        var territory = city.Territory;
        // Before a territory exists (a fresh store, the CLI on an empty store) the binding cannot be checked yet.
        var checkable = territory.Index.Grids.Count > 0;
        var isWorker = roles.Contains(LiveGridRoles.GridWorker, StringComparer.OrdinalIgnoreCase);
        var isHandler = roles.Contains(LiveGridRoles.UnitHandler, StringComparer.OrdinalIgnoreCase);
        var worker = Blank(user.WorkerId);
        var unit = Blank(user.UnitId);
        if (isWorker && worker is null)
        {
            errors.Add("workerId", "a grid worker's account names the worker it is (workerId)");
        }
        else if (worker is not null && checkable && territory.FindWorker(worker) is null)
        {
            errors.Add("workerId", $"there is no worker '{worker}' in the territory");
        }

        if (isHandler && unit is null)
        {
            errors.Add("unitId", "a unit handler's account names its unit (unitId)");
        }
        else if (unit is not null && checkable && territory.FindUnit(unit) is null)
        {
            errors.Add("unitId", $"there is no unit '{unit}' in the territory");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
