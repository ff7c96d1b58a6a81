using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Demo;

/// <summary>What citizens call about, by category: how often, what kind of request, and how they put it ({0} is the place).</summary>
internal static class DemoProblems
{
    public static readonly (string Category, int Weight, RequestKind Kind, string[] Descriptions)[] All =
    [
        (DefaultCategoryCodes.ExposedRubbish, 18, RequestKind.Complaint,
            ["{0}门口垃圾桶满溢，垃圾堆在路边两天没人清运", "{0}附近有人倾倒装修垃圾，占了半条路", "{0}旁边的垃圾站异味很大，苍蝇很多"]),
        (DefaultCategoryCodes.DirtyRoad, 8, RequestKind.Complaint,
            ["{0}路面有大片油污，老人走路容易滑倒", "{0}门前落叶和泥土很多，一直没有清扫"]),
        ("噪音扰民", 12, RequestKind.Complaint,
            ["{0}楼下商户夜里放音乐声音很大，影响休息", "{0}附近每天晚上有人聚集喧哗到十二点以后"]),
        ("施工扰民", 6, RequestKind.Complaint,
            ["{0}旁边的工地晚上十点以后还在施工", "{0}装修电钻从早上七点就开始响"]),
        ("道路与设施", 12, RequestKind.Help,
            ["{0}路灯不亮已经一周了，晚上很黑", "{0}井盖松动，车辆经过有很大响声", "{0}人行道地砖破损，有积水"]),
        (DefaultCategoryCodes.Utilities, 10, RequestKind.Help,
            ["{0}家中暖气不热，室温只有十四度", "{0}停水没有提前通知，家里有老人", "{0}楼道里有煤气味，请尽快派人查看"]),
        ("治安隐患", 6, RequestKind.Report,
            ["{0}楼道堆放大量杂物和电动车，存在消防隐患", "{0}有电动车在楼道里充电"]),
        ("矛盾纠纷", 8, RequestKind.Help,
            ["{0}楼上漏水到楼下，邻里协商不成", "{0}邻居长期占用公共空间堆放物品，沟通无果"]),
        ("民生保障", 6, RequestKind.Help,
            ["{0}独居老人行动不便，需要助餐服务", "{0}有困难家庭想咨询低保申请"]),
        ("社区服务", 8, RequestKind.Inquiry,
            ["咨询{0}所在社区开具居住证明需要什么材料", "咨询{0}附近的社区卫生服务站几点开门"]),
        (DefaultCategoryCodes.IllegalBuilding, 4, RequestKind.Report,
            ["{0}有住户在楼顶私搭乱建", "{0}一楼住户把院子围起来盖了房子"]),
        ("执法风纪", 2, RequestKind.Complaint,
            ["反映{0}附近执法人员态度粗暴"]),
    ];

    public static readonly int TotalWeight = All.Sum(problem => problem.Weight);

    public static (string Category, RequestKind Kind, string Description) Pick(Random random, string place)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (category, weight, kind, descriptions) in All)
        {
            if (roll < weight)
            {
                return (category, kind, string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptions[random.Next(descriptions.Length)], place));
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The weights do not add up.");
    }

    /// <summary>How each kind of unit says it resolved a ticket, at the level it works at.</summary>
    public static string ResolutionNote(UnitKind kind) => kind switch
    {
        UnitKind.Grid => "网格员现场处置完毕，已拍照留存",
        UnitKind.Community => "社区协调相关方达成一致，已反馈居民",
        UnitKind.Street => "街道组织城管、物业联合处置完毕",
        _ => "主管部门已依法处理并答复",
    };
}
