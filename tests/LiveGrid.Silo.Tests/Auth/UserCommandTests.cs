using System.Net;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>`LiveGrid.Silo users add`: an account in the configured store, the password from standard input.</summary>
public sealed class UserCommandTests
{
    [Fact]
    public async Task Users_add_creates_an_account_the_silo_then_signs_in_and_refuses_a_second_or_a_bad_one()
    {
        using var work = new TempDirectory("users-cli");
        var store = new[] { "--LiveGrid:Storage:Provider=Sqlite", $"--LiveGrid:Storage:Sqlite:DataDirectory={Path.Combine(work.Path, "data")}" };

        var (created, createdOutput) = await RunAsync(work.Path, "users-cli-password", ["users", "add", "li.na", "--role", "GridWorker", "--worker", "w1a", .. store]);
        created.Should().Be(0, createdOutput);
        createdOutput.Should().Contain("Created li.na (GridWorker).");

        var (again, againOutput) = await RunAsync(work.Path, "users-cli-password", ["users", "add", "LI.NA", "--role", "Operator", .. store]);
        again.Should().Be(1, againOutput);
        againOutput.Should().Contain("There is a user LI.NA already");

        var (invalid, invalidOutput) = await RunAsync(work.Path, "short", ["users", "add", "wang", "--role", "Mayor", .. store]);
        invalid.Should().Be(2, invalidOutput);
        invalidOutput.Should().Contain("'Mayor' is not a role").And.Contain("password");

        var port = LoopbackPort.GetFree();
        await using var silo = SiloProcess.Start(work.Path, ["--urls", $"http://127.0.0.1:{port}", .. store]);
        await silo.WaitUntilRunningAsync(Eventually.Timeout);
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = TestUsers.Client(address, await TestUsers.TokenAsync(address, "li.na", "users-cli-password"));
        var me = await client.GetAsync("/api/auth/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("workerId").GetString().Should().Be("w1a");
        // The process got its first administrator from the environment, as the contract says.
        (await SiloProcess.SignInAsAdminAsync(address)).Should().NotBeNullOrEmpty();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string password, string[] args)
    {
        await using var command = SiloProcess.Start(workingDirectory, args);
        await command.WriteInputAsync(password);
        var exitCode = await command.WaitForExitAsync(Eventually.Timeout);
        return (exitCode, command.Output);
    }
}
