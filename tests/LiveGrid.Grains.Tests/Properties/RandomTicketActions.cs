using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Properties;

/// <summary>Random but well-formed actions of a given kind for a ticket as its view shows it, by the role that takes them.</summary>
internal static class RandomTicketActions
{
    public static readonly TicketActor Operator = new("op-017", ActorRole.HotlineOperator, "张丽");
    public static readonly TicketActor Dispatcher = new("dsp-003", ActorRole.Dispatcher, "王芳");
    public static readonly TicketActor Handler = new("h-unit-12", ActorRole.UnitHandler, "李强");
    public static readonly TicketActor Inspector = new("insp-05", ActorRole.Inspector, "赵敏");
    public static readonly TicketActor CommandCenter = new("cc-01", ActorRole.CommandCenter, "陈刚");

    /// <summary>
    /// The kinds a caller may ask for (AddDuplicate is the merge's own follow-up on the original, AttachEvidence comes
    /// with an uploaded photo: neither is asked for as an action).
    /// </summary>
    public static readonly TicketActionKind[] Requestable = [.. Enum.GetValues<TicketActionKind>()
        // RevealCaller is the grain's own audit record (no lifecycle action): asked for through RevealCaller, not Execute.
        .Where(kind => kind is not (TicketActionKind.Receive or TicketActionKind.AddDuplicate or TicketActionKind.AttachEvidence
            or TicketActionKind.RevealCaller))];

    private static readonly string[] ExtensionLimits = ["1wd", "2wd", "8h", "1d", "4wh"];

    public static IReadOnlyList<string> Units(CityModel city) =>
    [
        .. TestCity.Grids.Select(ResponsibleUnit.GridUnitId),
        ResponsibleUnit.CommunityUnitId(TestCity.Community1),
        ResponsibleUnit.CommunityUnitId(TestCity.Community2),
        ResponsibleUnit.StreetUnitId(TestCity.Street),
        .. city.Territory.Departments.Select(d => d.Id),
    ];

    /// <summary>
    /// An action of <paramref name="kind"/> for <paramref name="view"/>'s ticket; <paramref name="mergeTarget"/> picks
    /// the original for a merge (an open ticket of the same category when there is one).
    /// </summary>
    public static TicketAction Make(
        Random random, CityModel city, TicketView view, TicketActionKind kind, Func<TicketView, string> mergeTarget)
    {
        var at = default(DateTimeOffset); // now, as the grain's clock says
        var units = Units(city);
        string AnyUnit() => units[random.Next(units.Count)];
        string OtherUnit()
        {
            var others = units.Where(u => u != view.Ticket.CurrentUnitId).ToList();
            return others[random.Next(others.Count)];
        }

        return kind switch
        {
            TicketActionKind.Classify => new Classify(Operator, at, Pick(random, city.Categories).Code, Pick(random, Enum.GetValues<Priority>()), Pick(random, Enum.GetValues<RequestKind>())),
            // An empty unit asks the grain to route by category and grid.
            TicketActionKind.Dispatch => new Dispatch(Dispatcher, at, random.NextDouble() < 0.6 ? "" : AnyUnit()),
            TicketActionKind.Redispatch => new Redispatch(Dispatcher, at, random.NextDouble() < 0.6 ? "" : AnyUnit()),
            TicketActionKind.Accept => new Accept(Handler, at),
            TicketActionKind.ArriveOnSite => new ArriveOnSite(Handler, at),
            TicketActionKind.Resolve => new Resolve(Handler, at, "已处理完毕", Pick(random, Enum.GetValues<ResolutionLevel>())),
            TicketActionKind.CallBack => new CallBack(Operator, at, Pick(random, Enum.GetValues<CallbackRating>())),
            TicketActionKind.Close => new Close(Operator, at, random.NextDouble() < 0.8 ? "结案" : null),
            TicketActionKind.Return => new Return(Handler, at, "不属于本单位职责"),
            TicketActionKind.Transfer => new Transfer(Dispatcher, at, OtherUnit(), "转交主管单位"),
            TicketActionKind.RequestExtension => new RequestExtension(Handler, at, Pick(random, ExtensionLimits), "需协调多部门"),
            TicketActionKind.DecideExtension => random.NextDouble() < 0.6
                ? new DecideExtension(Dispatcher, at, Approved: true)
                : new DecideExtension(Dispatcher, at, Approved: false, "理由不充分"),
            TicketActionKind.Suspend => new Suspend(Handler, at, "等待业主配合"),
            TicketActionKind.Resume => new Resume(Handler, at),
            TicketActionKind.Rework => new Rework(Dispatcher, at, "群众不满意/核查未通过",
                view.Ticket.Status == TicketStatus.CalledBack ? ReworkSource.UnsatisfiedCallback : ReworkSource.FailedVerification),
            TicketActionKind.Verify => new Verify(Inspector, at, random.NextDouble() < 0.7),
            TicketActionKind.MergeInto => new MergeInto(Operator, at, mergeTarget(view)),
            TicketActionKind.Supervise => new Supervise(CommandCenter, at, Pick(random, Enum.GetValues<SupervisionLevel>()), "请加快办理"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an action a caller asks for"),
        };
    }

    /// <summary>
    /// One of <paramref name="allowed"/>, weighted so tickets move along their lifecycle: supervision and merging are
    /// allowed almost always and would otherwise crowd out the work that resolves and closes tickets.
    /// </summary>
    public static TicketActionKind PickKind(Random random, IReadOnlyList<TicketActionKind> allowed)
    {
        static double Weight(TicketActionKind kind) => kind switch
        {
            TicketActionKind.Supervise => 0.25,
            TicketActionKind.MergeInto => 0.3,
            TicketActionKind.Accept or TicketActionKind.Resolve or TicketActionKind.CallBack or TicketActionKind.Close => 2,
            _ => 1,
        };

        var total = allowed.Sum(Weight);
        var roll = random.NextDouble() * total;
        foreach (var kind in allowed)
        {
            roll -= Weight(kind);
            if (roll < 0)
            {
                return kind;
            }
        }

        return allowed[^1];
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
