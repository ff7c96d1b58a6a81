using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using static LiveGrid.Grains.Tickets.TicketStatus;
using Act = LiveGrid.Grains.Tickets.TicketActionKind;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>
/// Every (status, action kind) pair, against an oracle written here by hand from the domain brief, independently of
/// the production table: legal pairs succeed and land in the expected status; every other pair is rejected, the
/// ticket unchanged, with the allowed list. Statuses with guards appear once per side of the guard.
/// </summary>
public sealed class TicketLifecycleTableTests
{
    private static readonly IReadOnlyDictionary<string, Situation> Situations = new Dictionary<string, Situation>
    {
        ["Received"] = new(s => s, Legal(
            (Act.Classify, Classified), (Act.MergeInto, Merged), (Act.AddDuplicate, Received), (Act.Supervise, Received), (Act.AttachEvidence, Received))),
        ["Classified"] = new(s => s.Classify(), Legal(
            (Act.Classify, Classified), (Act.Dispatch, Dispatched), (Act.MergeInto, Merged),
            (Act.AddDuplicate, Classified), (Act.Supervise, Classified), (Act.AttachEvidence, Classified))),
        ["Dispatched"] = new(s => s.Classify().Dispatch(), Legal(
            (Act.Accept, Accepted), (Act.Return, Returned), (Act.Transfer, Dispatched), (Act.Suspend, Suspended),
            (Act.AddDuplicate, Dispatched), (Act.Supervise, Dispatched), (Act.AttachEvidence, Dispatched))),
        ["Dispatched, return window passed"] = new(s => s.Classify().Dispatch(), Legal(
            (Act.Accept, Accepted), (Act.Transfer, Dispatched), (Act.Suspend, Suspended),
            (Act.AddDuplicate, Dispatched), (Act.Supervise, Dispatched), (Act.AttachEvidence, Dispatched)), Guarded: [Act.Return], WithinReturnWindow: false),
        ["Accepted"] = new(s => s.Classify().Dispatch().Accept(), Legal(
            (Act.ArriveOnSite, OnSite), (Act.Resolve, Resolved), (Act.Return, Returned), (Act.Transfer, Dispatched),
            (Act.RequestExtension, Accepted), (Act.Suspend, Suspended), (Act.AddDuplicate, Accepted), (Act.Supervise, Accepted), (Act.AttachEvidence, Accepted)),
            Guarded: [Act.DecideExtension]),
        ["Accepted, extension pending"] = new(s => s.Classify().Dispatch().Accept().RequestExtension(), Legal(
            (Act.ArriveOnSite, OnSite), (Act.Resolve, Resolved), (Act.Return, Returned), (Act.Transfer, Dispatched),
            (Act.DecideExtension, Accepted), (Act.Suspend, Suspended), (Act.AddDuplicate, Accepted), (Act.Supervise, Accepted), (Act.AttachEvidence, Accepted)),
            Guarded: [Act.RequestExtension]),
        ["Accepted, return window passed"] = new(s => s.Classify().Dispatch().Accept(), Legal(
            (Act.ArriveOnSite, OnSite), (Act.Resolve, Resolved), (Act.Transfer, Dispatched),
            (Act.RequestExtension, Accepted), (Act.Suspend, Suspended), (Act.AddDuplicate, Accepted), (Act.Supervise, Accepted), (Act.AttachEvidence, Accepted)),
            Guarded: [Act.Return, Act.DecideExtension], WithinReturnWindow: false),
        ["OnSite"] = new(s => s.Classify().Dispatch().Accept().ArriveOnSite(), Legal(
            (Act.Resolve, Resolved), (Act.Transfer, Dispatched), (Act.RequestExtension, OnSite), (Act.Suspend, Suspended),
            (Act.AddDuplicate, OnSite), (Act.Supervise, OnSite), (Act.AttachEvidence, OnSite)),
            Guarded: [Act.DecideExtension]),
        ["OnSite, extension pending"] = new(s => s.Classify().Dispatch().Accept().ArriveOnSite().RequestExtension(), Legal(
            (Act.Resolve, Resolved), (Act.Transfer, Dispatched), (Act.DecideExtension, OnSite), (Act.Suspend, Suspended),
            (Act.AddDuplicate, OnSite), (Act.Supervise, OnSite), (Act.AttachEvidence, OnSite)),
            Guarded: [Act.RequestExtension]),
        ["Resolved"] = new(s => s.Classify().Dispatch().Accept().Resolve(), Legal(
            (Act.CallBack, CalledBack), (Act.Verify, Closed), (Act.Close, Closed), (Act.AddDuplicate, Resolved), (Act.Supervise, Resolved), (Act.AttachEvidence, Resolved)),
            Guarded: [Act.Rework]),
        ["Resolved, verification failed"] = new(s => s.Classify().Dispatch().Accept().Resolve().Verify(passed: false), Legal(
            (Act.Rework, Dispatched), (Act.AddDuplicate, Resolved), (Act.Supervise, Resolved), (Act.AttachEvidence, Resolved)),
            Guarded: [Act.CallBack, Act.Verify, Act.Close]),
        ["CalledBack, satisfied"] = new(s => s.Classify().Dispatch().Accept().Resolve().CallBack(CallbackRating.Satisfied), Legal(
            (Act.Close, Closed), (Act.AddDuplicate, CalledBack), (Act.Supervise, CalledBack), (Act.AttachEvidence, CalledBack)),
            Guarded: [Act.Rework]),
        ["CalledBack, unsatisfied"] = new(s => s.Classify().Dispatch().Accept().Resolve().CallBack(CallbackRating.Unsatisfied), Legal(
            (Act.Close, Closed), (Act.Rework, Dispatched), (Act.AddDuplicate, CalledBack), (Act.Supervise, CalledBack), (Act.AttachEvidence, CalledBack))),
        ["Returned"] = new(s => s.Classify().Dispatch().Return(), Legal(
            (Act.Classify, Returned), (Act.Redispatch, Dispatched), (Act.AddDuplicate, Returned), (Act.Supervise, Returned), (Act.AttachEvidence, Returned))),
        ["Suspended from Dispatched"] = new(s => s.Classify().Dispatch().Suspend(), Legal(
            (Act.Resume, Dispatched), (Act.AddDuplicate, Suspended), (Act.Supervise, Suspended), (Act.AttachEvidence, Suspended))),
        ["Suspended from Accepted"] = new(s => s.Classify().Dispatch().Accept().RequestExtension().Suspend(), Legal(
            (Act.Resume, Accepted), (Act.AddDuplicate, Suspended), (Act.Supervise, Suspended), (Act.AttachEvidence, Suspended))),
        ["Suspended from OnSite"] = new(s => s.Classify().Dispatch().Accept().ArriveOnSite().Suspend(), Legal(
            (Act.Resume, OnSite), (Act.AddDuplicate, Suspended), (Act.Supervise, Suspended), (Act.AttachEvidence, Suspended))),
        ["Closed"] = new(s => s.Classify().Dispatch().Accept().Resolve().CallBack().Close(), Legal()),
        ["Merged"] = new(s => s.MergeInto(), Legal()),
    };

    /// <summary>Every kind but RevealCaller, which the grain records outside the lifecycle in any status.</summary>
    private static IEnumerable<TicketActionKind> LifecycleKinds => Enum.GetValues<TicketActionKind>().Where(kind => kind != Act.RevealCaller);

    public static TheoryData<string, TicketActionKind> EveryPair()
    {
        var data = new TheoryData<string, TicketActionKind>();
        foreach (var situation in Situations.Keys)
        {
            foreach (var kind in LifecycleKinds)
            {
                data.Add(situation, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_action_pair_follows_the_table(string situationName, TicketActionKind kind)
    {
        var situation = Situations[situationName];
        var story = situation.Build(TicketStory.Received());
        story.Context = situation.WithinReturnWindow ? TicketContext.WithinReturnWindow : TicketContext.OutsideReturnWindow;
        var before = story.Ticket;
        var expectedAllowed = situation.Legal.Keys.Order().ToList();

        before.AllowedActions(story.Context).Should().Equal(expectedAllowed, "the allowed list comes from the table and its guards");

        var result = before.Apply(SampleAction(kind, before, story.Next()), story.Context);

        if (situation.Legal.TryGetValue(kind, out var expectedStatus))
        {
            var transition = result.ShouldBeApplied($"{kind} is legal in {situationName}");
            result.Ticket.Status.Should().Be(expectedStatus);
            transition.From.Should().Be(before.Status);
            transition.To.Should().Be(expectedStatus);
            transition.Action.Should().Be(kind);
            result.Ticket.History.Should().HaveCount(before.History.Count + 1).And.EndWith(transition);
            result.Ticket.Id.Should().Be(before.Id);
        }
        else
        {
            var rejection = result.ShouldBeRejected(
                situation.Guarded.Contains(kind) ? TicketRejectionReason.GuardNotMet : TicketRejectionReason.NotAllowedInStatus,
                $"{kind} is not legal in {situationName}");
            result.Ticket.Should().BeSameAs(before, "a rejection leaves the ticket unchanged");
            rejection.TicketId.Should().Be(before.Id);
            rejection.Status.Should().Be(before.Status);
            rejection.Attempted.Should().Be(kind);
            rejection.AllowedActions.Should().Equal(expectedAllowed);
            rejection.Message.Should().Contain(kind.ToString()).And.Contain(before.Status.ToString());
            rejection.Message.Should().Contain(expectedAllowed.Count == 0
                ? "No action is allowed now."
                : $"Allowed now: {string.Join(", ", expectedAllowed)}.");
        }
    }

    [Fact]
    public void The_situations_cover_every_status()
    {
        Situations.Values.Select(situation => situation.Build(TicketStory.Received()).Ticket.Status).Distinct()
            .Should().BeEquivalentTo(Enum.GetValues<TicketStatus>());
    }

    [Fact]
    public void The_table_has_one_row_per_pair_and_uses_every_action_but_intake()
    {
        TicketLifecycle.Rules.Select(rule => (rule.From, rule.Action)).Should().OnlyHaveUniqueItems();
        TicketLifecycle.Rules.Select(rule => rule.Action).Distinct()
            .Should().BeEquivalentTo(LifecycleKinds.Where(kind => kind != Act.Receive));
        TicketLifecycle.Rules.Select(rule => rule.From).Distinct()
            .Should().BeEquivalentTo(Enum.GetValues<TicketStatus>().Where(status => status is not (Closed or Merged)));
    }

    [Fact]
    public void Only_closed_and_merged_are_terminal()
    {
        Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsTerminal).Should().BeEquivalentTo([Closed, Merged]);
    }

    [Fact]
    public void The_table_reads_as_markdown()
    {
        var lines = TicketLifecycle.ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(TicketLifecycle.Rules.Count + 2);
        lines.Should().Contain(line => line.StartsWith("| Dispatched | Return | Returned | within the return window |"));
        lines.Should().Contain(line => line.StartsWith("| Suspended | Resume | the status it was suspended from |"));
    }

    /// <summary>A valid action of the kind for this ticket, so only the table and its guards can reject it.</summary>
    internal static TicketAction SampleAction(TicketActionKind kind, Ticket ticket, DateTimeOffset at) => kind switch
    {
        Act.Receive => new Receive(People.Operator, at, "重复来电"),
        Act.Classify => new Classify(People.Operator, at, "噪音扰民", Priority.Urgent, RequestKind.Complaint),
        Act.Dispatch => new Dispatch(People.Dispatcher, at, Units.Sanitation),
        Act.Accept => new Accept(People.Handler, at),
        Act.ArriveOnSite => new ArriveOnSite(People.Handler, at),
        Act.Resolve => new Resolve(People.Handler, at, "已处理", ResolutionLevel.Grid),
        Act.CallBack => new CallBack(People.Operator, at, CallbackRating.Satisfied),
        Act.Close => new Close(People.Dispatcher, at, "按规定结案"),
        Act.Return => new Return(People.Handler, at, "非本单位职责"),
        Act.Redispatch => new Redispatch(People.Dispatcher, at, Units.Housing),
        Act.Transfer => new Transfer(People.Dispatcher, at, ticket.CurrentUnitId == Units.Enforcement ? Units.Housing : Units.Enforcement, "职责调整"),
        Act.RequestExtension => new RequestExtension(People.Handler, at, "2wd", "需第三方配合"),
        Act.DecideExtension => new DecideExtension(People.Dispatcher, at, Approved: true),
        Act.Suspend => new Suspend(People.Handler, at, "等待市民补充材料"),
        Act.Resume => new Resume(People.Handler, at),
        Act.Rework => new Rework(People.Dispatcher, at, "重新处理",
            ticket.Status == Resolved ? ReworkSource.FailedVerification : ReworkSource.UnsatisfiedCallback),
        Act.Verify => new Verify(People.Inspector, at, Passed: true),
        Act.MergeInto => new MergeInto(People.Operator, at, "T-20260308-0042"),
        Act.AddDuplicate => new AddDuplicate(People.Operator, at, "T-20260309-0099"),
        Act.Supervise => new Supervise(People.CommandCenter, at, SupervisionLevel.Reminder, "请加快办理"),
        Act.AttachEvidence => new AttachEvidence(People.Handler, at, $"{new string('a', 64)}.jpg", LiveGrid.Grains.Evidence.EvidenceStage.Before),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample action for this kind: add one."),
    };

    private static Dictionary<TicketActionKind, TicketStatus> Legal(params (TicketActionKind Kind, TicketStatus Next)[] pairs) =>
        pairs.ToDictionary(pair => pair.Kind, pair => pair.Next);

    private sealed record Situation(
        Func<TicketStory, TicketStory> Build,
        Dictionary<TicketActionKind, TicketStatus> Legal,
        TicketActionKind[]? Guarded = null,
        bool WithinReturnWindow = true)
    {
        public TicketActionKind[] Guarded { get; } = Guarded ?? [];
    }
}
