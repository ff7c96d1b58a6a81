namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// What a restarted silo holds of the actions the load had acknowledged: each 2xx action is "found" when its ticket
/// exists and the audit trail has that action at the version the answer gave. <see cref="Problems"/> lists every lost
/// action and every ticket whose state does not agree with itself (half applied), in words.
/// </summary>
internal sealed record DurabilityReport(int Acknowledged, int Found, int Tickets, int Unanswered, IReadOnlyList<string> Problems)
{
    public int Lost => Acknowledged - Found;
}
