using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>Why a ticket went back to its unit (重办/返工); both count against the unit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReworkSource>))]
public enum ReworkSource
{
    /// <summary>The callback found the citizen unsatisfied.</summary>
    UnsatisfiedCallback,

    /// <summary>A verification patrol (核查) found the problem not solved.</summary>
    FailedVerification,
}
