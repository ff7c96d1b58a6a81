using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Kpis;

/// <summary>
/// Which tickets a KPI report counts. Text forms: "city", a territory code (district, street, community or grid:
/// every ticket whose grid code starts with it), "unit:{id}", "worker:{id}". A ticket belongs where it is now (its
/// current grid, lead unit and worker), as the boards count it.
/// </summary>
public sealed record KpiScope(KpiScopeKind Kind, string Value)
{
    public static KpiScope City { get; } = new(KpiScopeKind.City, "city");

    /// <summary>Parses the text forms; false for anything else (a territory code must parse, not necessarily exist).</summary>
    public static bool TryParse(string? text, out KpiScope scope)
    {
        scope = City;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || string.Equals(trimmed, "city", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.StartsWith("unit:", StringComparison.OrdinalIgnoreCase) && trimmed[5..].Trim() is { Length: > 0 } unit)
        {
            scope = new KpiScope(KpiScopeKind.Unit, unit);
            return true;
        }

        if (trimmed.StartsWith("worker:", StringComparison.OrdinalIgnoreCase) && trimmed[7..].Trim() is { Length: > 0 } worker)
        {
            scope = new KpiScope(KpiScopeKind.Worker, worker);
            return true;
        }

        if (TerritoryCode.TryParse(trimmed, out var code))
        {
            scope = new KpiScope(KpiScopeKind.Area, code.Value);
            return true;
        }

        return false;
    }

    public bool Holds(KpiTicket ticket) => Kind switch
    {
        KpiScopeKind.City => true,
        KpiScopeKind.Area => ticket.GridCode?.StartsWith(Value, StringComparison.Ordinal) == true,
        KpiScopeKind.Unit => string.Equals(ticket.LeadUnitId, Value, StringComparison.Ordinal),
        KpiScopeKind.Worker => string.Equals(ticket.WorkerId, Value, StringComparison.Ordinal),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        KpiScopeKind.City => "city",
        KpiScopeKind.Area => Value,
        _ => $"{Kind.ToString().ToLowerInvariant()}:{Value}",
    };
}
