using System.Diagnostics;
using System.Text.Json;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// After a restart: reads the deadline of every open ticket among <c>ticketIds</c>, moves the test clock a minute past
/// the last one, then checks that each ticket is overdue and, where its status can be supervised, that LiveGrid's 催办
/// is in its audit trail dated at the deadline (reminders have one-second resolution).
/// </summary>
internal static class DeadlineCheck
{
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);

    // Statuses whose overdue clock the lifecycle lets LiveGrid supervise (the resolve stage).
    private static readonly HashSet<string> Supervisable = ["Dispatched", "Accepted", "OnSite"];

    public static async Task<DeadlineReport> CheckAsync(FaultSilo silo, IEnumerable<string> ticketIds, TimeSpan advanceTimeout)
    {
        var due = new List<(string Id, DateTimeOffset Deadline, string Status)>();
        foreach (var id in ticketIds.Distinct())
        {
            var summary = await SummaryAsync(silo.Http, id);
            if (summary.TryGetProperty("deadline", out var deadline) && deadline.ValueKind == JsonValueKind.String)
            {
                due.Add((id, deadline.GetDateTimeOffset(), summary.GetProperty("status").GetString()!));
            }
        }

        var problems = new List<string>();
        if (due.Count == 0)
        {
            return new DeadlineReport(0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, ["no open ticket with a deadline"]);
        }

        var from = await silo.ClockAsync();
        var to = due.Max(d => d.Deadline) + TimeSpan.FromMinutes(1);
        var started = Stopwatch.GetTimestamp();
        await silo.AdvanceClockToAsync(to, advanceTimeout);
        var took = Stopwatch.GetElapsedTime(started);

        int overdue = 0, supervised = 0;
        var maxLateness = TimeSpan.Zero;
        foreach (var (id, deadline, status) in due)
        {
            var summary = await SummaryAsync(silo.Http, id);
            if (summary.GetProperty("bucket").GetString() == "Overdue")
            {
                overdue++;
            }
            else
            {
                problems.Add($"{id} ({status}, deadline {deadline:O}): not overdue at {to:O} but {summary.GetProperty("bucket")}");
            }

            if (!Supervisable.Contains(status))
            {
                continue;
            }

            using var audit = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/tickets/{id}/audit"));
            var reminder = audit.RootElement.EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() == "Supervise" && e.GetProperty("by").GetProperty("role").GetString() == "System")
                .Select(e => e.GetProperty("at").GetDateTimeOffset())
                .Where(at => at >= deadline)
                .Order()
                .FirstOrDefault();
            if (reminder == default)
            {
                problems.Add($"{id} ({status}, deadline {deadline:O}): no 催办 by LiveGrid after its deadline");
                continue;
            }

            var lateness = reminder - deadline;
            maxLateness = lateness > maxLateness ? lateness : maxLateness;
            if (lateness <= Resolution)
            {
                supervised++;
            }
            else
            {
                problems.Add($"{id} ({status}): 催办 at {reminder:O}, {lateness.TotalSeconds:0.#} s after its deadline {deadline:O}");
            }
        }

        return new DeadlineReport(due.Count, overdue, due.Count(d => Supervisable.Contains(d.Status)), supervised, maxLateness, to - from, took, problems);
    }

    private static async Task<JsonElement> SummaryAsync(HttpClient http, string id)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"/api/tickets/{id}"));
        return document.RootElement.GetProperty("summary").Clone();
    }
}
