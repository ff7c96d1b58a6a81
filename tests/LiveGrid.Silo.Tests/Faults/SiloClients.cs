using System.Net.Http.Headers;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// The one place the fault drills get an HTTP client for a silo process: every request they send goes through a
/// client made here, signed in as the bootstrap administrator the process was started with (POST /api/auth/token).
/// </summary>
internal static class SiloClients
{
    /// <summary>A signed-in client for the silo at <paramref name="baseAddress"/>; <paramref name="timeout"/> bounds every request.</summary>
    public static async Task<HttpClient> CreateAsync(Uri baseAddress, TimeSpan timeout)
    {
        var token = await SiloProcess.SignInAsAdminAsync(baseAddress);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
