using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// <c>LiveGrid.Silo users add &lt;name&gt; --role &lt;Role&gt; [--role …] [--worker id] [--unit id]</c>: creates an account in
/// the configured store, the password read from standard input (one line). Any other arguments configure the store
/// as for the silo (e.g. --LiveGrid:Storage:Sqlite:DataDirectory=data). Run it while the silo is stopped, or use
/// POST /api/users on a running one.
/// </summary>
public static class UserCommand
{
    /// <summary>True when the arguments hold the "users" command (after host arguments such as --contentRoot, if any).</summary>
    public static bool Handles(string[] args) => CommandIndex(args) >= 0;

    /// <returns>The process exit code: 0 created, 1 exists already, 2 a usage or validation error.</returns>
    public static async Task<int> RunAsync(string[] allArgs, TextReader input, TextWriter output, TextWriter error)
    {
        var at = CommandIndex(allArgs);
        var args = allArgs[at..];
        if (args.Length < 3 || args[1] != "add" || args[2].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("usage: LiveGrid.Silo users add <name> --role <Role> [--role <Role>] [--worker <id>] [--unit <id>]  (password on stdin)");
            await error.WriteLineAsync($"roles: {string.Join(", ", LiveGridRoles.All)}");
            return 2;
        }

        var userName = args[2];
        var roles = new List<string>();
        string? worker = null, unit = null;
        var hostArgs = new List<string>(allArgs[..at]);
        for (var i = 3; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length:
                    roles.Add(args[++i]);
                    break;
                case "--worker" when i + 1 < args.Length:
                    worker = args[++i];
                    break;
                case "--unit" when i + 1 < args.Length:
                    unit = args[++i];
                    break;
                default:
                    hostArgs.Add(args[i]);
                    break;
            }
        }

        var password = await input.ReadLineAsync();
        var app = LiveGridHost.Build([.. hostArgs], builder =>
        {
            builder.Configuration["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "false";
            // A command's output is its own lines, not the host's start-up log.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        });
        await using (app)
        {
            // Only the grain runtime: no HTTP, no start-up work.
            var runtime = app.Services.GetRequiredService<GrainRuntime>();
            await runtime.StartAsync(CancellationToken.None);
            try
            {
                // The territory, so a worker or unit binding is checked against the city.
                await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Restore();
                var errors = new ValidationErrors();
                var (outcome, account) = await app.Services.GetRequiredService<UserStore>().CreateAsync(
                    new NewUser(userName, password, roles, worker, unit), errors);
                switch (outcome)
                {
                    case UserCreateOutcome.Created:
                        await output.WriteLineAsync($"Created {account!.UserName} ({string.Join(", ", account.Roles)}).");
                        return 0;
                    case UserCreateOutcome.Exists:
                        await error.WriteLineAsync($"There is a user {userName} already; nothing changed.");
                        return 1;
                    default:
                        foreach (var (field, messages) in errors.ToDictionary())
                        {
                            await error.WriteLineAsync($"{field}: {string.Join("; ", messages)}");
                        }

                        return 2;
                }
            }
            finally
            {
                await runtime.StopAsync(CancellationToken.None);
            }
        }
    }

    // "users" is the command unless it is the value of the option before it (e.g. --urls users).
    private static int CommandIndex(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "users" && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || args[i - 1].Contains('=', StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }
}
