namespace LiveGrid.Grains.Inspections;

/// <summary>
/// The answer to an inspection command: the view after it, or why it was refused (with the status and the commands
/// allowed now). <see cref="CreatedTicketId"/> is set when a finding became a ticket.
/// </summary>
public sealed record InspectionResult
{
    public required bool Applied { get; init; }

    public InspectionView? View { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> AllowedCommands { get; init; } = [];

    public bool NotFound { get; init; }

    public string? CreatedTicketId { get; init; }

    /// <summary>True when the command repeated one already done (the same plan scheduled again) and changed nothing.</summary>
    public bool Unchanged { get; init; }
}
