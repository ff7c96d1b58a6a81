using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Live;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Bad invocations at the push hub: invalid and unknown scopes, bad Resume arguments, unknown methods, wrong argument
/// counts and types, and arguments beyond the hub's message size. Every refusal must be a HubException that says what
/// was wrong; SignalR's "An unexpected error occurred" means a hub method threw something else (the hub's 5xx). A
/// message over the size limit closes the connection (the hub's 413); the fuzz then connects again.
/// </summary>
internal sealed class HubFuzz(ApiSilo silo, Random random, Func<IHubConnectionBuilder, IHubConnectionBuilder>? configure = null)
{
    /// <summary>
    /// How the server words a refusal it meant: a HubException's own message after the type name, or a binding
    /// failure ("Failed to invoke ... InvalidDataException", an unknown method). Anything else thrown in a hub method
    /// reaches the client as the bare "An unexpected error occurred invoking 'X' on the server." with nothing after.
    /// </summary>
    private static bool IsMeantRefusal(string message) =>
        message.Contains("HubException: ", StringComparison.Ordinal) || message.StartsWith("Failed to invoke", StringComparison.Ordinal);

    private static readonly string[] BadScopes =
    [
        "", " ", "nope", "city:", "City", "CITY", "area:", "area:1", "area:999999999", "area:110101001999", "grid:", "grid:123",
        "grid:110101001001999", "worker:", "worker:nobody", "ticket:", "ticket: ", "ticket:20261123-999999", "ticket:../../etc",
        ":", "::::", "ticket:%00", "grid:工单", "😀", "\u0000", "area:-1", "worker:w1a\n", "ticket:" + new string('9', 3000),
    ];

    public int Invocations { get; private set; }

    public int Refusals { get; private set; }

    public int ClosedForSize { get; private set; }

    /// <summary>Connections tried without signing in; each must be refused (401 at negotiate).</summary>
    public int AnonymousRefused { get; private set; }

    public List<string> Failures { get; } = [];

    public async Task RunAsync(int count)
    {
        await AnonymousAsync(Math.Max(1, count / 50));
        var connection = await ConnectAsync();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var (method, args) = NextInvocation();
                await InvokeAsync(connection, method, args);
                if (IsOversized(args) || connection.State != HubConnectionState.Connected)
                {
                    // The server drops a connection that sent a message over its limit; the client may not know yet.
                    await connection.DisposeAsync();
                    connection = await ConnectAsync();
                }
            }

            // Whatever came before, the hub still serves a valid subscription.
            if (connection.State != HubConnectionState.Connected)
            {
                await connection.DisposeAsync();
                connection = await ConnectAsync();
            }

            var snapshot = await connection.InvokeAsync<JsonElement>("Subscribe", "city").WaitAsync(Eventually.Timeout);
            if (snapshot.GetProperty("scope").GetString() != "city")
            {
                Failures.Add($"after the fuzz a city subscription answered {snapshot}");
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task InvokeAsync(HubConnection connection, string method, object?[] args)
    {
        Invocations++;
        var what = $"{method}({string.Join(", ", args.Select(Describe))})";
        try
        {
            await connection.InvokeCoreAsync<JsonElement>(method, args).WaitAsync(Eventually.Timeout);
        }
        catch (Exception ex) when (IsOversized(args) && (ex is OperationCanceledException or InvalidOperationException or IOException
            || ex.Message.StartsWith("The server closed the connection", StringComparison.Ordinal)))
        {
            // The server closed the connection: the message was over its size limit (the hub's 413).
            ClosedForSize++;
        }
        catch (HubException ex) when (IsMeantRefusal(ex.Message))
        {
            Refusals++;
        }
        catch (HubException ex)
        {
            Failures.Add($"{what}: {ex.Message}");
        }
        catch (Exception ex)
        {
            Failures.Add($"{what}: {ex.GetType().Name} {ex.Message}");
        }
    }

    private (string Method, object?[] Args) NextInvocation()
    {
        // One in 30 is a message over the hub's size limit: the server drops the connection and the fuzz connects again.
        if (random.Next(30) == 0)
        {
            return ("Subscribe", [new string(Pick(['x', '工']), random.Next(40_000, 120_000))]);
        }

        return random.Next(9) switch
        {
            0 or 1 or 2 => ("Subscribe", [Pick(BadScopes)]),
            3 => ("Subscribe", [null]),
            4 => ("Resume", [Pick(BadScopes), random.NextInt64()]),
            5 => ("Resume", [Pick(["city", $"grid:{TestCity.Grid1}", "worker:w1a", $"area:{TestCity.Street}"]), Pick([-1L, long.MinValue, long.MaxValue, -random.NextInt64(1, long.MaxValue)])]),
            6 => (Pick(["Nope", "subscribe", "OnConnectedAsync", "Dispose", "Subscribe ", "Context"]), [Pick(BadScopes)]),
            7 => random.Next(4) switch
            {
                0 => ("Subscribe", []),
                1 => ("Subscribe", ["city", "extra", 3]),
                2 => ("Subscribe", [random.Next()]),
                _ => ("Resume", ["city", "not a number"]),
            },
            _ => ("Unsubscribe", [Pick(BadScopes)]),
        };
    }

    private static bool IsOversized(object?[] args) => args.Any(a => a is string { Length: > 10_000 });

    private static string Describe(object? arg) => arg switch
    {
        null => "null",
        string { Length: > 60 } s => $"\"{s[..20]}…\"({s.Length})",
        string s => $"\"{s}\"",
        _ => arg.ToString() ?? "",
    };

    /// <summary>Connecting without a token (or with a forged one) is refused before any hub method runs.</summary>
    private async Task AnonymousAsync(int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var token = Pick<string?>([null, "", "not-a-token", new string('A', 2_000)]);
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(silo.Http.BaseAddress!, LiveHub.Path), HttpTransportType.WebSockets,
                    options => options.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            try
            {
                await connection.StartAsync().WaitAsync(Eventually.Timeout);
                Failures.Add($"a connection with token '{token?[..Math.Min(token.Length, 20)]}' was accepted without signing in");
            }
            catch (HttpRequestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                AnonymousRefused++;
            }
        }
    }

    private async Task<HubConnection> ConnectAsync()
    {
        IHubConnectionBuilder builder = new HubConnectionBuilder().WithUrl(new Uri(silo.Http.BaseAddress!, LiveHub.Path), HttpTransportType.WebSockets,
            options => options.AccessTokenProvider = () => Task.FromResult<string?>(silo.AccessToken));
        var connection = (configure?.Invoke(builder) ?? builder).Build();
        await connection.StartAsync().WaitAsync(Eventually.Timeout);
        return connection;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
