using LiveGrid.Silo.Api.Common;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// Creates the first administrator from "LiveGrid:Auth:BootstrapAdmin" at start, when no user of that name exists
/// (an existing account, and its password, are left as they are). Runs after the grain runtime started; when the
/// store cannot be reached it tries again in the background instead of keeping the host from serving.
/// </summary>
public sealed class UserBootstrap(UserStore users, IOptions<AuthOptions> options, ILogger<UserBootstrap> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.BootstrapAdmin.IsConfigured)
        {
            return;
        }

        try
        {
            await CreateAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            AuthLog.BootstrapAdminFailed(logger, ex);
            _ = RetryAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CreateAsync()
    {
        var admin = options.Value.BootstrapAdmin;
        var errors = new ValidationErrors();
        var (outcome, _) = await users.CreateAsync(new NewUser(admin.UserName, admin.Password, [LiveGridRoles.Administrator]), errors);
        if (outcome == UserCreateOutcome.Created)
        {
            AuthLog.BootstrapAdminCreated(logger, admin.UserName!.Trim());
        }
    }

    private async Task RetryAsync()
    {
        // Real time, not the grains' clock: a test clock that stands still must not stop the retries.
        var delay = TimeSpan.FromSeconds(1);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, TimeProvider.System, _stopping.Token);
                await CreateAsync();
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                AuthLog.BootstrapAdminFailed(logger, ex);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumRetryDelay.Ticks));
            }
        }
    }
}
