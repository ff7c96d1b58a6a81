using System.Net.Http.Headers;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// One generated request, kept as data so a burst can send it several times at once and a failure can say exactly
/// what was sent. <see cref="Path"/> is already escaped (it may hold deliberate %-sequences).
/// </summary>
internal sealed record FuzzShot(
    string Category,
    FuzzEndpoint Endpoint,
    string Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    int Burst = 1,
    bool Anonymous = false)
{
    /// <summary>
    /// A request whose method may change state; in the refusal phase it must not be accepted. Signing out takes no
    /// input and answers 204 to anyone (a bearer client has no cookie to drop): it changes nothing and is no refusal.
    /// </summary>
    public bool Mutates => Method is not ("GET" or "HEAD" or "OPTIONS") && !Path.StartsWith("/api/auth/signout", StringComparison.Ordinal);

    public HttpRequestMessage ToRequest(Uri baseAddress)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress, Path));
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            request.Content = content;
        }

        foreach (var (name, value) in Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Body.Length > 300
            ? $" body {Body.Length} bytes ({ContentType})"
            : $" body ({ContentType}) {System.Text.Encoding.UTF8.GetString(Body)}";
        var path = Path.Length > 200 ? Path[..200] + $"…({Path.Length})" : Path;
        return $"[{Category}{(Burst > 1 ? $" ×{Burst}" : "")}{(Anonymous ? " anonymous" : "")}] {Method} {path}{body}";
    }
}
