namespace LiveGrid.Silo.Configuration;

/// <summary>Which store this silo uses and where, as shown on the start-up line.</summary>
public sealed record StorageSummary(StorageProvider Provider, string Detail)
{
    public string ProviderName => Provider.ToString().ToLowerInvariant();

    public override string ToString() => $"storage: {ProviderName}, {Detail}";
}
