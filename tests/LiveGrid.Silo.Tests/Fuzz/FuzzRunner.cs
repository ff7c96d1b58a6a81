using System.Net;
using System.Text.Json;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Sends shots a few at a time (a burst's copies all at once) and checks every answer: never 5xx, every 4xx a
/// problem+json whose status matches, and, for requests that must be refused, never a 2xx to a state-changing one.
/// </summary>
internal static class FuzzRunner
{
    public const string ProblemJson = "application/problem+json";

    public static async Task RunAsync(HttpClient client, HttpClient anonymous, IReadOnlyList<FuzzShot> shots, FuzzTally tally, int parallelism = 8)
    {
        await Parallel.ForEachAsync(shots, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (shot, _) =>
        {
            var http = shot.Anonymous ? anonymous : client;
            await Task.WhenAll(Enumerable.Range(0, shot.Burst).Select(_ => SendAsync(http, shot, tally)));
        });
    }

    public static async Task<HttpStatusCode?> SendAsync(HttpClient http, FuzzShot shot, FuzzTally tally)
    {
        HttpResponseMessage response;
        try
        {
            using var request = shot.ToRequest(http.BaseAddress!);
            response = await http.SendAsync(request);
        }
        catch (Exception ex) when (ex is HttpRequestException && shot.Path.Contains("%00", StringComparison.Ordinal) && shot.Body is { Length: > 1_000_000 })
        {
            // Kestrel refused the target and closed the connection while a large body was still being sent.
            tally.CountRejectedByServer(answered: false);
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            tally.Fail(shot, $"no answer ({ex.Message})");
            return null;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            tally.Record(shot, status);
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                tally.Fail(shot, $"{status} {Short(body)}");
            }
            else if (body.Length == 0 && (status is 414 or 431 || (status == 400 && shot.Path.Contains("%00", StringComparison.Ordinal))))
            {
                // Kestrel refuses a request line over its limit (414), oversized headers (431) and a NUL in the target
                // (400) itself, before any middleware runs: no app can answer those, and they reach no endpoint.
                tally.CountRejectedByServer(answered: true);
            }
            else if (status >= 400)
            {
                CheckProblem(shot, status, response.Content.Headers.ContentType?.MediaType, body, tally);
            }
            else if (shot.Mutates && status is >= 200 and < 300)
            {
                tally.Fail(shot, $"accepted ({status}) though it must be refused: {Short(body)}");
            }

            return response.StatusCode;
        }
    }

    private static void CheckProblem(FuzzShot shot, int status, string? mediaType, string body, FuzzTally tally)
    {
        if (mediaType != ProblemJson)
        {
            tally.Fail(shot, $"{status} as {mediaType ?? "no content type"}, not {ProblemJson}: {Short(body)}");
            return;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("status", out var said) || said.GetInt32() != status)
            {
                tally.Fail(shot, $"{status} problem without a matching status member: {Short(body)}");
            }
        }
        catch (JsonException)
        {
            tally.Fail(shot, $"{status} problem+json that is not JSON: {Short(body)}");
        }
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
