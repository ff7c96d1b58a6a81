namespace LiveGrid.Silo.Auth;

/// <summary>
/// The roles of domain §1, as role claim values. Shared by the API's policies, the hub's scope checks and the privacy
/// rules, so one name means one thing everywhere.
/// </summary>
public static class LiveGridRoles
{
    /// <summary>指挥中心: the whole city live; supervise (督办) and escalate.</summary>
    public const string CommandCenter = "CommandCenter";

    /// <summary>话务员/派单员: intake, classify, dispatch, merge, call back.</summary>
    public const string Operator = "Operator";

    /// <summary>承办单位: acts on the tickets dispatched to their unit.</summary>
    public const string UnitHandler = "UnitHandler";

    /// <summary>网格员: their own tasks and their grid's work.</summary>
    public const string GridWorker = "GridWorker";

    /// <summary>考核: KPIs, scorecards and reports; reads, never acts on tickets.</summary>
    public const string Assessor = "Assessor";

    /// <summary>系统管理员: users, territory, configuration; everything the others can.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [CommandCenter, Operator, UnitHandler, GridWorker, Assessor, Administrator];
}
