using System.Runtime.CompilerServices;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Territory;

/// <summary>
/// Holds the imported territory document and keeps the city model's territory in step with it: after a replace, and on
/// activation (so after a restart the city is back as soon as the host calls <see cref="Restore"/>).
/// </summary>
public sealed class TerritoryGrain(
    [PersistentState("territory")] IPersistentState<TerritoryState> state,
    CityModel city) : Grain, ITerritoryGrain
{
    // The territory this grain last put into each city model. A new activation (after idle collection) finds the model
    // already holding it and does not swap it again, which would make every subscriber rebuild for nothing.
    private static readonly ConditionalWeakTable<CityModel, CityTerritory> Installed = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Document is { } document
            && !(Installed.TryGetValue(city, out var installed) && ReferenceEquals(installed, city.Territory)))
        {
            Install(TerritoryDocumentMapper.ToCityTerritory(document));
        }

        return Task.CompletedTask;
    }

    public Task<TerritoryDocument?> Get() => Task.FromResult(state.State.Document);

    public Task<bool> Exists() => Task.FromResult(state.State.Document is not null);

    public async Task<TerritoryImportResult> Replace(TerritoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (result, territory) = TerritoryImporter.Check(document, city.Categories);
        if (territory is null)
        {
            return result;
        }

        var previous = state.State;
        state.State = new TerritoryState { Document = document, ReplacedAt = TimeProvider.GetUtcNow() };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        Install(territory);
        return result with { Applied = true };
    }

    public Task<bool> Restore() => Task.FromResult(state.State.Document is not null);

    private void Install(CityTerritory territory)
    {
        city.ReplaceTerritory(territory);
        Installed.AddOrUpdate(city, territory);
    }
}
