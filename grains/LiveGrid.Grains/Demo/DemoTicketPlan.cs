using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Demo;

/// <summary>One demo ticket: its intake and the dated actions that happened to it so far, oldest first.</summary>
public sealed record DemoTicketPlan(DateTimeOffset ReceivedAt, TicketIntake Intake, IReadOnlyList<TicketAction> Actions);
