namespace LiveGrid.Grains.Evidence;

/// <summary>
/// What attaching a photo did: recorded (durable), already recorded (the same blob at the same stage; nothing written),
/// no such ticket or inspection, or refused because it is finished (<see cref="Refusal"/> says why).
/// </summary>
public sealed record EvidenceAttachResult
{
    public bool Attached { get; init; }

    public bool AlreadyAttached { get; init; }

    public bool NotFound { get; init; }

    public string? Refusal { get; init; }

    /// <summary>The status the ticket or inspection is in, as its enum names it.</summary>
    public string? Status { get; init; }

    /// <summary>All evidence attached now, oldest first.</summary>
    public IReadOnlyList<EvidencePhoto> Evidence { get; init; } = [];
}
