namespace LiveGrid.Grains.City;

/// <summary>
/// One ticket category (configuration): its code as tickets carry it ("暴露垃圾"), its group on the board ("市容环境"),
/// and who handles it by default: "grid", "community", "street" (the ticket's own territory at that level, 属地管理)
/// or a department unit id ("dept:cgzf").
/// </summary>
public sealed record CategoryDefinition(string Code, string Group, string RouteTo);
