namespace LiveGrid.Grains.Territory;

/// <summary>How a residential compound is run, which decides who the grid works with on the ground.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CompoundKind>))]
public enum CompoundKind
{
    /// <summary>自管小区: run by its residents.</summary>
    SelfManaged,

    /// <summary>物管小区: run by a property-management company.</summary>
    PropertyManaged,

    /// <summary>单位小区: housing of an employer (work unit).</summary>
    WorkUnit,

    /// <summary>散居民区: scattered housing with no compound management.</summary>
    Scattered,
}
