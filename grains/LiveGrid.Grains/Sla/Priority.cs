namespace LiveGrid.Grains.Sla;

/// <summary>A ticket's priority (see <see cref="DomainTerms"/> for the Chinese names).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Priority>))]
public enum Priority
{
    /// <summary>一般.</summary>
    Normal,

    /// <summary>紧急: urgent, or a risk to life or property.</summary>
    Urgent,
}
