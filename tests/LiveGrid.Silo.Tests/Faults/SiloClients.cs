namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// The one place the fault drills get an HTTP client for a silo process: every request they send goes through a
/// client made here (so signing in, when the API requires it, is added here once).
/// </summary>
internal static class SiloClients
{
    /// <summary>A client for the silo at <paramref name="baseAddress"/>; <paramref name="timeout"/> bounds every request.</summary>
    public static Task<HttpClient> CreateAsync(Uri baseAddress, TimeSpan timeout)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };
        return Task.FromResult(http);
    }
}
