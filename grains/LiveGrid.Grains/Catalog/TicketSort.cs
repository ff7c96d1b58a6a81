using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Catalog;

[JsonConverter(typeof(JsonStringEnumConverter<TicketSort>))]
public enum TicketSort
{
    /// <summary>Most recently received first.</summary>
    Newest,
    /// <summary>Earliest deadline first (breaching next); tickets without a deadline last.</summary>
    Deadline,
    /// <summary>Most recently changed first.</summary>
    Changed,
}
