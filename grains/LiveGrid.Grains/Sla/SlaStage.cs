namespace LiveGrid.Grains.Sla;

/// <summary>The steps of a ticket that carry a time limit.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SlaStage>))]
public enum SlaStage
{
    /// <summary>派单: from intake to dispatch to a unit.</summary>
    Dispatch,

    /// <summary>签收: from dispatch to the unit accepting the ticket.</summary>
    Accept,

    /// <summary>办结: from dispatch to resolution.</summary>
    Resolve,

    /// <summary>回访: from resolution to calling the citizen back.</summary>
    CallBack,
}
