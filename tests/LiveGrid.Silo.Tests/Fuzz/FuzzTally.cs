using System.Collections.Concurrent;
using System.Text;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>What the fuzz sent and what came back: counts by status and category, and every broken answer.</summary>
internal sealed class FuzzTally
{
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentDictionary<string, int> _byCategory = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private int _requests;
    private int _rejectedByServer;

    public int Requests => _requests;

    /// <summary>Requests Kestrel refused before the app saw them (a NUL in the path, a request line over 8 KB): a bare 400 or 414, out of the app's reach.</summary>
    public int RejectedByServer => _rejectedByServer;

    public void CountRejectedByServer(bool answered)
    {
        Interlocked.Increment(ref _rejectedByServer);
        if (!answered)
        {
            Interlocked.Increment(ref _requests);
        }
    }

    public IReadOnlyDictionary<int, int> ByStatus => _byStatus;

    public IReadOnlyList<string> Failures => [.. _failures];

    public int Refusals => _byStatus.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value);

    public int ServerErrors => _byStatus.Where(s => s.Key >= 500).Sum(s => s.Value);

    public int CountOf(int status) => _byStatus.GetValueOrDefault(status);

    public void Record(FuzzShot shot, int status)
    {
        Interlocked.Increment(ref _requests);
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        _byCategory.AddOrUpdate(shot.Category, 1, (_, n) => n + 1);
    }

    public void Fail(FuzzShot shot, string why)
    {
        // Enough to diagnose; a systematic bug would otherwise repeat thousands of times.
        if (_failures.Count < 200)
        {
            _failures.Enqueue($"{why}: {shot}");
        }
    }

    public string Summary(string title)
    {
        var text = new StringBuilder();
        text.AppendLine($"{title}: {Requests} requests, {Refusals} refusals (4xx), {ServerErrors} server errors (5xx), {RejectedByServer} refused by Kestrel before the app, {Failures.Count} failures");
        text.AppendLine("  by status: " + string.Join(", ", _byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        text.AppendLine("  by category: " + string.Join(", ", _byCategory.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}×{c.Value}")));
        return text.ToString();
    }
}
