using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Users;
using LiveGrid.Grains.Workers;

namespace LiveGrid.Grains;

/// <summary>Points the runtime at this assembly, so the host can register every grain in it.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;

    /// <summary>
    /// The grains' source-generated JSON contexts, for the runtime's state serializer (tried before its reflection
    /// fallback, and writing the same bytes).
    /// </summary>
    public static IReadOnlyList<IJsonTypeInfoResolver> StateTypeInfoResolvers { get; } =
    [
        TicketJsonContext.Default,
        DomainEventJsonContext.Default,
        TerritoryJsonContext.Default,
        WorkerJsonContext.Default,
        InspectionJsonContext.Default,
        UserJsonContext.Default,
    ];
}
