using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Territory;

/// <summary>
/// The city's territory of record (one grain, key <see cref="Key"/>): the last imported document, stored durably.
/// Replacing it validates first (problems: nothing changes), then stores, then swaps the live <c>CityModel</c>
/// territory. At start the host calls <see cref="Restore"/>, which puts the stored territory back into the city model.
/// </summary>
public interface ITerritoryGrain : IGrainWithStringKey
{
    public const string Key = "city";

    /// <summary>The stored document, or null if none was imported.</summary>
    Task<TerritoryDocument?> Get();

    Task<bool> Exists();

    /// <summary>Validates, stores and applies <paramref name="document"/>; with problems nothing changes.</summary>
    Task<TerritoryImportResult> Replace(TerritoryDocument document);

    /// <summary>
    /// Makes sure the city model holds the stored territory (activation restores it; this call is how the host activates
    /// the grain at start). False when nothing was ever imported.
    /// </summary>
    Task<bool> Restore();
}
