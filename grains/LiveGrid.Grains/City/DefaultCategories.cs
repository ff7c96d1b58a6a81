using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.City;

/// <summary>
/// The categories LiveGrid ships (domain brief §3) and who handles each. Routing follows "小事不出网格/社区，大事不出街道":
/// what a grid worker can fix goes to the grid, what needs coordination to the community or street, what needs
/// enforcement or approval to the competent department. A city replaces the list through configuration.
/// </summary>
public static class DefaultCategories
{
    public const string CityManagementDepartment = "dept:cgzf";
    public const string MunicipalDepartment = "dept:szss";
    public const string UtilitiesDepartment = "dept:sdqr";
    public const string DisciplineDepartment = "dept:jjjc";

    public static IReadOnlyList<CategoryDefinition> All { get; } =
    [
        new(DefaultCategoryCodes.ExposedRubbish, "市容环境", "grid"),
        new(DefaultCategoryCodes.DirtyRoad, "市容环境", "grid"),
        new(DefaultCategoryCodes.IllegalBuilding, "违法建设", CityManagementDepartment),
        new(DefaultCategoryCodes.IllegalBuildingStopWork, "违法建设", CityManagementDepartment),
        new(DefaultCategoryCodes.IllegalBuildingDemolition, "违法建设", CityManagementDepartment),
        new("噪音扰民", "噪音扰民", "community"),
        new("施工扰民", "噪音扰民", CityManagementDepartment),
        new("道路与设施", "道路与设施", MunicipalDepartment),
        new(DefaultCategoryCodes.Utilities, "水电气热", UtilitiesDepartment),
        new("治安隐患", "治安隐患", "street"),
        new("矛盾纠纷", "矛盾纠纷", "community"),
        new("民生保障", "民生保障", "street"),
        new("社区服务", "社区服务", "community"),
        new("执法风纪", "执法风纪", DisciplineDepartment),
    ];

    /// <summary>The departments the default categories route to.</summary>
    public static IReadOnlyList<ResponsibleUnit> Departments { get; } =
    [
        new(CityManagementDepartment, "区城管执法局", UnitKind.Department),
        new(MunicipalDepartment, "区市政市容委", UnitKind.Department),
        new(UtilitiesDepartment, "区水电气热服务中心", UnitKind.Department),
        new(DisciplineDepartment, "区纪检监察室", UnitKind.Department),
    ];
}
