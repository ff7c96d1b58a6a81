using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>The citizen's rating at callback (评价). 满意率 = (satisfied + basically satisfied) / rated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackRating>))]
public enum CallbackRating
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意: normally sends the ticket to rework.</summary>
    Unsatisfied,
}
