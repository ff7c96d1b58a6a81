using System.Threading.RateLimiting;
using LiveGrid.Runtime.Storage;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Hosting;

/// <summary>
/// Sign-in and authorization: cookie (web views) and bearer token (API clients) with the framework's handlers, the
/// data-protection keys in the configured store, a fallback policy requiring a signed-in user, the access rules per
/// endpoint and the rate limits.
/// </summary>
public static class LiveGridAuthExtensions
{
    public static WebApplicationBuilder AddLiveGridAuth(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        Validate(auth, limits);
        builder.Services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        builder.Services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("LiveGrid");
        if (StorageConfiguration.ReadProvider(configuration) == StorageProvider.Memory)
        {
            // Nothing survives a restart of a memory store, tokens included.
            dataProtection.UseEphemeralDataProtectionProvider();
        }
        else
        {
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IGrainStorage>((options, storage) =>
                options.XmlRepository = new StoredKeyRepository(storage));
        }

        builder.Services.AddAuthentication(LiveGridAuthSchemes.Select)
            .AddPolicyScheme(LiveGridAuthSchemes.Select, "Bearer token or cookie", options => options.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(LiveGridAuthSchemes.Bearer, options =>
            {
                options.BearerTokenExpiration = auth.TokenLifetime;
                // Wall-clock expiry: the grains' clock may be a test clock days ahead.
                options.TimeProvider = TimeProvider.System;
                options.Events.OnMessageReceived = context =>
                {
                    // SignalR cannot set headers on WebSockets: the token comes as ?access_token= on the hub.
                    if (context.Request.Path.StartsWithSegments("/hubs")
                        && context.Request.Query[LiveGridAuthSchemes.AccessTokenQuery].ToString() is { Length: > 0 } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddCookie(LiveGridAuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = "LiveGrid.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = auth.CookieLifetime;
                options.SlidingExpiration = true;
                options.TimeProvider = TimeProvider.System;
                // An API answers 401/403 (problem+json from the status-code pages), never a redirect to a login page.
                options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            });

        builder.Services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder(LiveGridAuthSchemes.Select).RequireAuthenticatedUser().Build());

        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<DemoUsers>();
        builder.Services.AddSingleton<AccessRules>();
        builder.Services.AddSingleton<HubAccess>();
        builder.Services.AddSingleton<SignInThrottle>();
        // After the grain runtime, before the start-up work and before Kestrel serves.
        builder.Services.AddHostedService<UserBootstrap>();

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IntakePartition(http, limits));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = RateLimitProblems.RetryAfter(context.Lease, limits.Intake.Window);
                await RateLimitProblems.TooMany(context.HttpContext.Response, retryAfter, "tickets taken in").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Authentication, the fallback policy, the access rules, then the rate limits (they partition by user).</summary>
    public static WebApplication UseLiveGridAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccessMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    private static string SelectScheme(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query.ContainsKey(LiveGridAuthSchemes.AccessTokenQuery)))
        {
            return LiveGridAuthSchemes.Bearer;
        }

        return LiveGridAuthSchemes.Cookie;
    }

    private static RateLimitPartition<string> IntakePartition(HttpContext http, RateLimitOptions limits)
    {
        var endpointName = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (!limits.Enabled || endpointName != "CreateTicket")
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var user = http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "";
        return RateLimitPartition.GetFixedWindowLimiter("intake|" + user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Intake.PermitLimit,
            Window = limits.Intake.Window,
            QueueLimit = 0,
        });
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void Validate(AuthOptions auth, RateLimitOptions limits)
    {
        var admin = auth.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.UserName) != string.IsNullOrEmpty(admin.Password))
        {
            throw new LiveGridConfigurationException($"{AuthOptions.SectionName}:BootstrapAdmin needs both UserName and Password.");
        }

        if (admin.IsConfigured && admin.Password!.Length < UserStore.MinimumPasswordLength)
        {
            throw new LiveGridConfigurationException(
                $"{AuthOptions.SectionName}:BootstrapAdmin:Password must have at least {UserStore.MinimumPasswordLength} characters.");
        }

        if (auth.DemoPassword.Length < UserStore.MinimumPasswordLength)
        {
            throw new LiveGridConfigurationException($"{AuthOptions.SectionName}:DemoPassword must have at least {UserStore.MinimumPasswordLength} characters.");
        }

        if (auth.TokenLifetime <= TimeSpan.Zero || auth.CookieLifetime <= TimeSpan.Zero)
        {
            throw new LiveGridConfigurationException($"{AuthOptions.SectionName}:TokenLifetime and CookieLifetime must be positive.");
        }

        if (limits.Enabled && (!limits.SignIn.IsValid || !limits.Intake.IsValid))
        {
            throw new LiveGridConfigurationException(
                $"{RateLimitOptions.SectionName}: SignIn and Intake need a positive PermitLimit and Window (or Enabled=false).");
        }
    }
}
