using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// Concurrent ticket work over HTTP: each lane takes a ticket in, then dispatches, accepts, arrives and resolves it,
/// then starts the next; of every four tickets a lane leaves one each at Dispatched, Accepted and OnSite, so SLA
/// clocks of every stage are running when the silo is killed. Every action carries expectedVersion, so a retried action is never applied twice. A lane
/// that gets no answer or a 5xx waits <see cref="RetryPause"/> and sends the same action again; after a 409 it reads
/// the ticket and carries on from its status. Every attempt and its answer is recorded.
/// </summary>
internal sealed class TicketLoad
{
    public static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Func<HttpClient?> _http;
    private readonly ConcurrentQueue<ActionAttempt> _attempts = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _acknowledged;

    /// <param name="http">The client to use now (null while the silo is down): a drill swaps it when it restarts the silo.</param>
    public TicketLoad(Func<HttpClient?> http)
    {
        _http = http;
    }

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public IReadOnlyList<ActionAttempt> Attempts => [.. _attempts];

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Runs <paramref name="lanes"/> lanes until <paramref name="stop"/> is cancelled; the attempt in flight then is recorded too.</summary>
    public Task RunAsync(int lanes, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() => RunLaneAsync(lane, stop), CancellationToken.None)));

    private async Task RunLaneAsync(int lane, CancellationToken stop)
    {
        var grid = (lane % 4) + 1;
        string? id = null;
        var version = 0;
        var status = "Resolved";
        string? assignee = null;
        var tickets = 0;
        var leaveAt = "Resolved";
        while (!stop.IsCancellationRequested)
        {
            var action = id is null || status == leaveAt || status is not ("Classified" or "Dispatched" or "Accepted" or "OnSite") ? "intake" : Next(status);
            var worker = assignee ?? $"w{grid}a";
            var (path, body) = action switch
            {
                "intake" => ("/api/tickets", Intake(lane, grid)),
                "dispatch" => ($"/api/tickets/{id}/dispatch", (object)new { actor = Dispatcher, expectedVersion = version }),
                "accept" => ($"/api/tickets/{id}/accept", new { actor = Worker(worker), expectedVersion = version }),
                "arrive" => ($"/api/tickets/{id}/arrive", new { actor = Worker(worker), expectedVersion = version }),
                _ => ($"/api/tickets/{id}/resolve", new { actor = Worker(worker), note = "已处理", level = "Grid", expectedVersion = version }),
            };

            var answer = await SendAsync(lane, action, action == "intake" ? null : id, path, body);
            if (answer is { } view && answer.Value.ValueKind == JsonValueKind.Object)
            {
                var summary = view.GetProperty("summary");
                if (action == "intake")
                {
                    leaveAt = (tickets++ % 4) switch { 1 => "Dispatched", 2 => "Accepted", 3 => "OnSite", _ => "Resolved" };
                }

                id = summary.GetProperty("id").GetString();
                version = summary.GetProperty("version").GetInt32();
                status = summary.GetProperty("status").GetString()!;
                assignee = summary.TryGetProperty("assigneeWorkerId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                continue;
            }

            if (answer is null && !stop.IsCancellationRequested)
            {
                await Task.Delay(RetryPause, CancellationToken.None);
            }
        }
    }

    /// <summary>Sends one action; returns the ticket view after a 2xx, or after a 409 the ticket as it is now; null otherwise.</summary>
    private async Task<JsonElement?> SendAsync(int lane, string action, string? ticketId, string path, object body)
    {
        var startedAt = Elapsed;
        var started = Stopwatch.GetTimestamp();
        var http = _http();
        if (http is null)
        {
            return null;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(path, body, Json);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            int? version = null;
            JsonElement? view = null;
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(text);
                view = document.RootElement.Clone();
                ticketId = view.Value.GetProperty("summary").GetProperty("id").GetString();
                version = view.Value.GetProperty("summary").GetProperty("version").GetInt32();
                Interlocked.Increment(ref _acknowledged);
            }

            _attempts.Enqueue(new ActionAttempt(lane, action, ticketId, status, version, startedAt, elapsed,
                response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType,
                response.IsSuccessStatusCode ? null : Shorten(text)));
            if (response.StatusCode == HttpStatusCode.Conflict && ticketId is not null)
            {
                // Someone (our own earlier attempt whose answer was lost) moved it on: carry on from where it is.
                return await CurrentAsync(http, ticketId);
            }

            return view;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException or ObjectDisposedException)
        {
            _attempts.Enqueue(new ActionAttempt(lane, action, ticketId, null, null, startedAt, Stopwatch.GetElapsedTime(started),
                null, null, $"{ex.GetType().Name}: {ex.Message}"));
            return null;
        }
    }

    private static async Task<JsonElement?> CurrentAsync(HttpClient http, string ticketId)
    {
        try
        {
            using var response = await http.GetAsync($"/api/tickets/{ticketId}");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private static string Next(string status) => status switch
    {
        "Classified" => "dispatch",
        "Dispatched" => "accept",
        "Accepted" => "arrive",
        _ => "resolve",
    };

    private static object Intake(int lane, int grid)
    {
        var (longitude, latitude) = TestCity.Centre(grid);
        return new
        {
            actor = new { id = "op1", role = "HotlineOperator", name = "话务员小王" },
            description = $"第{lane}路压测: 小区东门暴露垃圾无人清运",
            source = "Hotline",
            callerName = "陈女士",
            callerPhone = "13812345678",
            address = $"第{grid}网格东门",
            longitude,
            latitude,
            category = "暴露垃圾",
            priority = "Normal",
            kind = "Complaint",
        };
    }

    private static object Dispatcher { get; } = new { id = "ds1", role = "Dispatcher", name = "派单员老李" };

    private static object Worker(string id) => new { id, role = "GridWorker", name = $"网格员{id}" };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}
