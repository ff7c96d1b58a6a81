using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Evidence;

/// <summary>When an evidence photo was taken: before the work (现场照片) or after it (整改后照片).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceStage>))]
public enum EvidenceStage
{
    Before,

    After,
}
