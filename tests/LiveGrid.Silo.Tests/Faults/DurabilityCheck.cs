using System.Net;
using System.Text.Json;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>Reads back, from a (restarted) silo, every ticket the load touched and checks it against the acknowledged actions.</summary>
internal static class DurabilityCheck
{
    public static async Task<DurabilityReport> CheckAsync(HttpClient http, IReadOnlyList<ActionAttempt> attempts)
    {
        var acknowledged = attempts.Where(a => a.Acknowledged).ToList();
        var problems = new List<string>();
        var found = 0;
        var listed = await ListedIdsAsync(http);
        foreach (var ticket in acknowledged.GroupBy(a => a.TicketId!))
        {
            var view = await http.GetAsync($"/api/tickets/{ticket.Key}");
            if (view.StatusCode == HttpStatusCode.NotFound)
            {
                problems.Add($"{ticket.Key}: not found, though {ticket.Count()} action(s) on it were acknowledged");
                continue;
            }

            using var viewDocument = JsonDocument.Parse(await view.Content.ReadAsStringAsync());
            var summary = viewDocument.RootElement.GetProperty("summary");
            using var auditDocument = JsonDocument.Parse(await http.GetStringAsync($"/api/tickets/{ticket.Key}/audit"));
            var audit = auditDocument.RootElement.EnumerateArray()
                .Select(e => (Sequence: e.GetProperty("sequence").GetInt32(), Action: e.GetProperty("action").GetString()!, To: e.GetProperty("to").GetString()!))
                .ToList();

            foreach (var action in ticket)
            {
                if (audit.Any(e => e.Sequence == action.Version && e.Action == action.AuditAction))
                {
                    found++;
                }
                else
                {
                    problems.Add($"{ticket.Key}: {action.Action} acknowledged at version {action.Version} is not in the audit trail ({string.Join(", ", audit.Select(e => $"{e.Sequence}:{e.Action}"))})");
                }
            }

            // Half applied: a version, status or catalog entry that does not agree with the audit trail.
            var version = summary.GetProperty("version").GetInt32();
            var status = summary.GetProperty("status").GetString();
            if (!audit.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, audit.Count)) || version != audit.Count)
            {
                problems.Add($"{ticket.Key}: version {version} but audit sequences {string.Join(",", audit.Select(e => e.Sequence))}");
            }
            else if (audit.Count > 0 && audit[^1].To != status)
            {
                problems.Add($"{ticket.Key}: status {status} but the last audit entry went to {audit[^1].To}");
            }

            if (!listed.Contains(ticket.Key))
            {
                problems.Add($"{ticket.Key}: missing from the ticket list (the catalog)");
            }
        }

        return new DurabilityReport(acknowledged.Count, found, acknowledged.Select(a => a.TicketId).Distinct().Count(),
            attempts.Count(a => a.Status is null), problems);
    }

    private static async Task<HashSet<string>> ListedIdsAsync(HttpClient http)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync($"/api/tickets?pageSize=500&page={page}"));
            var items = document.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetString()!);
            }

            if (items.GetArrayLength() < 500)
            {
                return ids;
            }
        }
    }
}
