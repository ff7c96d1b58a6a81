using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>The part a person plays when acting on a ticket (domain brief §1), kept in the audit trail.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>))]
public enum ActorRole
{
    /// <summary>12345 话务员: takes calls in, classifies, calls back.</summary>
    HotlineOperator,

    /// <summary>派单员: dispatches, re-dispatches, decides extensions.</summary>
    Dispatcher,

    /// <summary>承办单位 handler: accepts, goes on site, resolves, returns, asks for extensions.</summary>
    UnitHandler,

    /// <summary>网格员: handles routine work in the grid and patrols.</summary>
    GridWorker,

    /// <summary>核查员 / 信息采集员: verifies resolved tickets.</summary>
    Inspector,

    /// <summary>指挥中心: supervises (督办) and escalates.</summary>
    CommandCenter,

    /// <summary>LiveGrid itself, e.g. an automatic reminder.</summary>
    System,
}
