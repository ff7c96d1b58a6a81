namespace LiveGrid.Grains.Sla;

/// <summary>What the citizen asks for (诉求类型; see <see cref="DomainTerms"/> for the Chinese names).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RequestKind>))]
public enum RequestKind
{
    /// <summary>咨询.</summary>
    Inquiry,

    /// <summary>求助.</summary>
    Help,

    /// <summary>投诉.</summary>
    Complaint,

    /// <summary>举报.</summary>
    Report,

    /// <summary>建议.</summary>
    Suggestion,

    /// <summary>表扬.</summary>
    Praise,
}
