using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>督办 is graduated (domain brief §3): each step is firmer than the last.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionLevel>))]
public enum SupervisionLevel
{
    /// <summary>催办 / 短信督促: a reminder.</summary>
    Reminder,

    /// <summary>发函整改: a formal notice to correct.</summary>
    FormalNotice,

    /// <summary>上门沟通 or escalation to a higher level.</summary>
    Escalation,
}
