using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The units a ticket is with: the lead unit (牵头办), which owns it and is measured on it, and for cross-cutting
/// problems the co-handling helpers (协办). Helpers never include the lead and never repeat.
/// </summary>
public sealed record UnitAssignment(string LeadUnitId, IReadOnlyList<string> HelperUnitIds)
{
    [JsonIgnore]
    public bool IsCoHandled => HelperUnitIds.Count > 0;

    /// <summary>Why these units cannot form an assignment; null when they can.</summary>
    internal static string? Problem(string? leadUnitId, IReadOnlyList<string>? helperUnitIds)
    {
        if (string.IsNullOrWhiteSpace(leadUnitId))
        {
            return "the unit is required";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { leadUnitId.Trim() };
        foreach (var helper in helperUnitIds ?? [])
        {
            if (string.IsNullOrWhiteSpace(helper))
            {
                return "a helper unit id is empty";
            }

            if (!seen.Add(helper.Trim()))
            {
                return $"helper unit '{helper.Trim()}' is the lead unit or is listed twice";
            }
        }

        return null;
    }

    /// <summary>The assignment for units that passed <see cref="Problem"/>.</summary>
    internal static UnitAssignment Of(string leadUnitId, IReadOnlyList<string>? helperUnitIds) =>
        new(leadUnitId.Trim(), [.. (helperUnitIds ?? []).Select(helper => helper.Trim())]);
}
