using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>The people and units the ticket tests use, named as users would see them.</summary>
internal static class People
{
    public static readonly TicketActor Operator = new("op-017", ActorRole.HotlineOperator, "张丽");
    public static readonly TicketActor Dispatcher = new("dsp-003", ActorRole.Dispatcher, "王芳");
    public static readonly TicketActor Handler = new("h-sanitation-12", ActorRole.UnitHandler, "李强");
    public static readonly TicketActor Inspector = new("insp-05", ActorRole.Inspector, "赵敏");
    public static readonly TicketActor CommandCenter = new("cc-01", ActorRole.CommandCenter, "陈刚");
}

/// <summary>Unit ids (承办单位).</summary>
internal static class Units
{
    public const string Sanitation = "市容环卫所";
    public const string Enforcement = "城管执法队";
    public const string Housing = "房管所";
    public const string StreetOffice = "和平街道办";
}
