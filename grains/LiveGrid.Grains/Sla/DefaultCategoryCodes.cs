namespace LiveGrid.Grains.Sla;

/// <summary>
/// Category codes the default SLA table uses. Categories are configuration; these are the examples from the
/// published rules, spelt as users say them.
/// </summary>
public static class DefaultCategoryCodes
{
    /// <summary>水电气热: water, power, gas and heating outages.</summary>
    public const string Utilities = "水电气热";

    /// <summary>暴露垃圾 (市容环境).</summary>
    public const string ExposedRubbish = "暴露垃圾";

    /// <summary>道路不洁 (市容环境).</summary>
    public const string DirtyRoad = "道路不洁";

    /// <summary>违法建设: illegal building in general.</summary>
    public const string IllegalBuilding = "违法建设";

    /// <summary>违法建设·制止: an illegal building under way that must be stopped.</summary>
    public const string IllegalBuildingStopWork = "违法建设.制止";

    /// <summary>违法建设·拆除: an illegal building that must be demolished.</summary>
    public const string IllegalBuildingDemolition = "违法建设.拆除";
}
