using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.City;

/// <summary>
/// Where a ticket goes: the unit, and for a grid unit the post whose worker receives it (AB岗: the backup when the
/// primary is off duty; the grain checks duty). <see cref="Why"/> says which rule decided, for the operator.
/// </summary>
public sealed record RouteDecision(ResponsibleUnit Unit, StaffPost? Post, string Why);
