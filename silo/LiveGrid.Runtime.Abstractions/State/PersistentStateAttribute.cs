namespace LiveGrid.Runtime.State;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>.
/// <paramref name="stateName"/> names the state within the grain; <paramref name="storageName"/> picks a
/// named storage provider (null: the default one).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
