using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>
/// Walks one ticket through the real lifecycle, ten minutes per step, failing the test at once if a step that should
/// be legal is rejected. <see cref="Try"/> is for steps whose outcome the test asserts itself.
/// </summary>
internal sealed class TicketStory
{
    public static readonly DateTimeOffset Start = ShanghaiTime.At("2026-03-09 09:00");
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private TicketStory(Ticket ticket)
    {
        Ticket = ticket;
        Clock = Start;
    }

    public Ticket Ticket { get; private set; }

    /// <summary>The time of the latest step.</summary>
    public DateTimeOffset Clock { get; private set; }

    public TicketContext Context { get; set; } = TicketContext.WithinReturnWindow;

    public static TicketStory Received(string id = "T-20260309-0001") =>
        new(Ticket.Create(id, new Receive(People.Operator, Start, "市民来电：小区门口垃圾堆积三天无人清运")));

    public DateTimeOffset Next() => Clock += Step;

    public TicketStory Do(Func<DateTimeOffset, TicketAction> action)
    {
        var result = Try(action);
        result.IsApplied.Should().BeTrue($"the story step should be legal, but: {result}");
        return this;
    }

    public TicketResult Try(Func<DateTimeOffset, TicketAction> action)
    {
        var result = Ticket.Apply(action(Next()), Context);
        Ticket = result.Ticket;
        return result;
    }

    public TicketStory Classify(string category = "暴露垃圾", Priority priority = Priority.Normal, RequestKind kind = RequestKind.Complaint) =>
        Do(at => new Classify(People.Operator, at, category, priority, kind));

    public TicketStory Dispatch(string unit = Units.Sanitation, params string[] helpers) =>
        Do(at => new Dispatch(People.Dispatcher, at, unit, helpers));

    public TicketStory Accept() => Do(at => new Accept(People.Handler, at));

    public TicketStory ArriveOnSite() => Do(at => new ArriveOnSite(People.Handler, at, "已到现场"));

    public TicketStory Resolve(ResolutionLevel level = ResolutionLevel.Community) =>
        Do(at => new Resolve(People.Handler, at, "垃圾已清运，现场已冲洗", level));

    public TicketStory CallBack(CallbackRating rating = CallbackRating.Satisfied) =>
        Do(at => new CallBack(People.Operator, at, rating, rating == CallbackRating.Unsatisfied ? "市民称仍有异味" : "市民表示满意"));

    public TicketStory Close(string? note = null) => Do(at => new Close(People.Dispatcher, at, note));

    public TicketStory Return(string reason = "非本单位职责，应由房管所处理") => Do(at => new Return(People.Handler, at, reason));

    public TicketStory Redispatch(string unit = Units.Housing) => Do(at => new Redispatch(People.Dispatcher, at, unit));

    public TicketStory Transfer(string unit = Units.Enforcement, string reason = "涉及违法占道，转城管执法") =>
        Do(at => new Transfer(People.Dispatcher, at, unit, reason));

    public TicketStory RequestExtension(string limit = "3wd", string reason = "需协调物业公司") =>
        Do(at => new RequestExtension(People.Handler, at, limit, reason));

    public TicketStory DecideExtension(bool approved, string? note = null) =>
        Do(at => new DecideExtension(People.Dispatcher, at, approved, note));

    public TicketStory Suspend(string reason = "等待市民提供补充材料") => Do(at => new Suspend(People.Handler, at, reason));

    public TicketStory Resume(string? note = "材料已补齐") => Do(at => new Resume(People.Handler, at, note));

    public TicketStory Rework(ReworkSource source, string reason = "市民不满意，重新处理") =>
        Do(at => new Rework(People.Dispatcher, at, reason, source));

    public TicketStory Verify(bool passed, string? note = null) =>
        Do(at => new Verify(People.Inspector, at, passed, note ?? (passed ? "核查通过" : "现场仍有垃圾")));

    public TicketStory Supervise(SupervisionLevel level = SupervisionLevel.Reminder, string note = "请尽快处理") =>
        Do(at => new Supervise(People.CommandCenter, at, level, note));

    public TicketStory MergeInto(string originalId = "T-20260308-0042") =>
        Do(at => new MergeInto(People.Operator, at, originalId, "同一地点同类问题"));

    public TicketStory AddDuplicate(string duplicateId) => Do(at => new AddDuplicate(People.Operator, at, duplicateId));
}
