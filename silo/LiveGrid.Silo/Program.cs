using LiveGrid.Silo;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Configuration;

// LiveGrid's silo: the grain runtime, its storage and the HTTP API in one process.
// The wiring lives in LiveGridHost so the tests start exactly this host.
WebApplication app;
try
{
    if (UserCommand.Handles(args))
    {
        // `users add <name> --role <Role> …`: an account in the configured store, then exit.
        return await UserCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
    }

    app = LiveGridHost.Build(args);
}
catch (LiveGridConfigurationException ex)
{
    // A configuration mistake is the operator's to fix: say what is wrong in one line, no stack trace.
    await Console.Error.WriteLineAsync($"LiveGrid cannot start: {ex.Message}");
    return 2;
}

await app.RunAsync();
return 0;
