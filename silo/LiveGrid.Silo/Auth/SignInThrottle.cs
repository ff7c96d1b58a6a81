using System.Threading.RateLimiting;
using LiveGrid.Grains.Users;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// The sign-in limit, per client address and user name, with the framework's <see cref="PartitionedRateLimiter"/>.
/// Checked in the sign-in endpoints because the user name is in the body, which a request-level limiter cannot read.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly RateLimitRule _rule;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        _rule = options.Value.SignIn;
        if (options.Value.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _rule.PermitLimit,
                Window = _rule.Window,
                QueueLimit = 0,
            }));
        }
    }

    /// <summary>A 429 problem when this address has tried this user name too often, else null.</summary>
    public IResult? Refuse(HttpContext http, string? userName)
    {
        if (_limiter is null)
        {
            return null;
        }

        var key = $"{http.Connection.RemoteIpAddress}|{UserNames.Normalize(userName ?? "")}";
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : RateLimitProblems.TooMany(http.Response, RateLimitProblems.RetryAfter(lease, _rule.Window), "sign-in attempts");
    }

    public void Dispose() => _limiter?.Dispose();
}
