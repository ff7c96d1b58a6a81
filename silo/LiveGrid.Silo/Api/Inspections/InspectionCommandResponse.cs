using LiveGrid.Grains.Inspections;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>An inspection after a command, and the ticket a finding created.</summary>
public sealed record InspectionCommandResponse(InspectionView Inspection, string? CreatedTicketId);
