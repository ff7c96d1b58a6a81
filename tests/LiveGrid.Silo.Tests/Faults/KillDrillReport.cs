namespace LiveGrid.Silo.Tests.Faults;

/// <summary>One kill -9 under load: the load until the kill, the restart, and what the restarted silo holds.</summary>
internal sealed record KillDrillReport(
    string Storage,
    int Lanes,
    TimeSpan LoadedFor,
    int Attempts,
    int InFlightAtKill,
    TimeSpan RestartTook,
    DurabilityReport Durability,
    DeadlineReport Deadlines);
