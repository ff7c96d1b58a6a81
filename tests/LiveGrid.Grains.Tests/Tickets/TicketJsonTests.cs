using System.Text;
using System.Text.Json;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>The grain persists tickets and the API receives actions: both must survive System.Text.Json, Chinese included.</summary>
public sealed class TicketJsonTests
{
    /// <summary>A ticket that has been through most side paths, so its JSON has every part filled in.</summary>
    private static TicketStory Eventful() =>
        TicketStory.Received("T-20260309-0001").Classify("噪音扰民", Priority.Urgent, RequestKind.Complaint)
            .Dispatch(Units.StreetOffice, Units.Enforcement).Return("非本街道辖区")
            .Redispatch(Units.Sanitation).Accept().RequestExtension("3wd", "需协调物业公司").DecideExtension(approved: true, note: "同意")
            .Transfer(Units.Housing, "涉及房屋结构").Accept().ArriveOnSite().Supervise(SupervisionLevel.FormalNotice, "发函整改")
            .Resolve(ResolutionLevel.Street).CallBack(CallbackRating.Unsatisfied).Rework(ReworkSource.UnsatisfiedCallback, "市民称噪音仍在")
            .AddDuplicate("T-20260309-0007").Accept().RequestExtension("2wd", "等待检测报告").Suspend("等待第三方检测");

    [Fact]
    public void A_ticket_round_trips_through_its_json_context_with_chinese_text()
    {
        var ticket = Eventful().Ticket;

        var json = JsonSerializer.Serialize(ticket, TicketJsonContext.Default.Ticket);
        var back = JsonSerializer.Deserialize(json, TicketJsonContext.Default.Ticket)!;

        back.Should().BeEquivalentTo(ticket, options => options.ComparingRecordsByMembers());
        JsonSerializer.Serialize(back, TicketJsonContext.Default.Ticket).Should().Be(json);
        back.Classification!.Category.Should().Be("噪音扰民");
        back.Returns.Single().Reason.Should().Be("非本街道辖区");
        back.OpenSuspension!.Reason.Should().Be("等待第三方检测");
        back.History.Should().HaveCount(ticket.History.Count);
    }

    [Fact]
    public void Stored_json_names_statuses_and_enums_in_words_and_leaves_out_derived_properties()
    {
        var json = JsonSerializer.Serialize(Eventful().Ticket, TicketJsonContext.Default.Ticket);

        json.Should().Contain("\"Status\":\"Suspended\"")
            .And.Contain("\"Priority\":\"Urgent\"")
            .And.Contain("\"Kind\":\"Complaint\"")
            .And.Contain("\"Role\":\"CommandCenter\"")
            .And.Contain("\"Source\":\"UnsatisfiedCallback\"")
            .And.Contain("\"Action\":\"RequestExtension\"");
        json.Should().NotContain("CurrentUnitId").And.NotContain("SuspendedFrom").And.NotContain("ReworkCount").And.NotContain("IsTerminal");
    }

    [Fact]
    public void The_runtimes_state_serializer_writes_the_same_bytes_and_reads_them_back()
    {
        var options = new GrainRuntimeOptions();
        options.StateTypeInfoResolvers.Add(TicketJsonContext.Default);
        var serializer = new GrainStateSerializer(Options.Create(options));
        var ticket = Eventful().Ticket;

        var bytes = serializer.Serialize(ticket);
        var back = serializer.Deserialize<Ticket>(bytes);

        Encoding.UTF8.GetString(bytes).Should().Be(JsonSerializer.Serialize(ticket, TicketJsonContext.Default.Ticket));
        back.Should().BeEquivalentTo(ticket, options => options.ComparingRecordsByMembers());
    }

    [Fact]
    public void A_ticket_read_back_from_json_carries_on_where_it_left_off()
    {
        var story = Eventful();
        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(story.Ticket, TicketJsonContext.Default.Ticket), TicketJsonContext.Default.Ticket)!;

        back.SuspendedFrom.Should().Be(TicketStatus.Accepted);
        var resumed = back.Apply(new Resume(People.Handler, story.Next(), "检测完成"), TicketContext.WithinReturnWindow);
        resumed.ShouldBeApplied();
        resumed.Ticket.Status.Should().Be(TicketStatus.Accepted);
        resumed.Ticket.PendingExtension!.Limit.Should().Be("2wd");

        var earlier = back.Apply(new Resume(People.Handler, story.Clock.AddHours(-1)), TicketContext.WithinReturnWindow);
        earlier.ShouldBeRejected(TicketRejectionReason.TimeWentBackwards);
    }

    /// <summary>The discriminators are stored: this table is the contract, so changing one must fail here.</summary>
    public static TheoryData<TicketActionKind, string> Discriminators() => new()
    {
        { TicketActionKind.Receive, "receive" },
        { TicketActionKind.Classify, "classify" },
        { TicketActionKind.Dispatch, "dispatch" },
        { TicketActionKind.Accept, "accept" },
        { TicketActionKind.ArriveOnSite, "arriveOnSite" },
        { TicketActionKind.Resolve, "resolve" },
        { TicketActionKind.CallBack, "callBack" },
        { TicketActionKind.Close, "close" },
        { TicketActionKind.Return, "return" },
        { TicketActionKind.Redispatch, "redispatch" },
        { TicketActionKind.Transfer, "transfer" },
        { TicketActionKind.RequestExtension, "requestExtension" },
        { TicketActionKind.DecideExtension, "decideExtension" },
        { TicketActionKind.Suspend, "suspend" },
        { TicketActionKind.Resume, "resume" },
        { TicketActionKind.Rework, "rework" },
        { TicketActionKind.Verify, "verify" },
        { TicketActionKind.MergeInto, "mergeInto" },
        { TicketActionKind.AddDuplicate, "addDuplicate" },
        { TicketActionKind.Supervise, "supervise" },
        { TicketActionKind.AttachEvidence, "attachEvidence" },
    };

    [Theory]
    [MemberData(nameof(Discriminators))]
    public void Every_action_round_trips_as_a_ticket_action_with_a_stable_discriminator(TicketActionKind kind, string discriminator)
    {
        var ticket = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Ticket;
        var action = TicketLifecycleTableTests.SampleAction(kind, ticket, TicketStory.Start);

        var json = JsonSerializer.Serialize(action, TicketJsonContext.Default.TicketAction);
        var back = JsonSerializer.Deserialize(json, TicketJsonContext.Default.TicketAction)!;

        json.Should().StartWith($"{{\"$type\":\"{discriminator}\",");
        back.Should().BeOfType(action.GetType());
        back.ActionKind.Should().Be(kind);
        JsonSerializer.Serialize(back, TicketJsonContext.Default.TicketAction).Should().Be(json);
    }

    [Fact]
    public void An_action_written_by_a_client_is_read_with_its_chinese_text()
    {
        const string json = """
            {"$type":"dispatch","Actor":{"Id":"dsp-003","Role":"Dispatcher","DisplayName":"王芳"},
             "At":"2026-03-09T10:00:00+08:00","UnitId":"和平街道办","HelperUnitIds":["城管执法队","房管所"],"Note":"牵头办理"}
            """;

        var action = JsonSerializer.Deserialize(json, TicketJsonContext.Default.TicketAction);

        var dispatch = action.Should().BeOfType<Dispatch>().Subject;
        dispatch.Actor.Should().Be(new TicketActor("dsp-003", ActorRole.Dispatcher, "王芳"));
        dispatch.At.Should().Be(ShanghaiTime.At("2026-03-09 10:00"));
        dispatch.UnitId.Should().Be("和平街道办");
        dispatch.HelperUnitIds.Should().Equal("城管执法队", "房管所");
        dispatch.Note.Should().Be("牵头办理");
    }

    [Fact]
    public void An_action_with_an_unknown_discriminator_is_refused()
    {
        const string json = """{"$type":"teleport","Actor":{"Id":"x","Role":"System","DisplayName":"x"},"At":"2026-03-09T02:00:00Z"}""";

        FluentActions.Invoking(() => JsonSerializer.Deserialize(json, TicketJsonContext.Default.TicketAction))
            .Should().Throw<Exception>().Where(e => e is JsonException || e is NotSupportedException);
    }

    [Fact]
    public void An_action_missing_its_actor_is_rejected_by_the_lifecycle_not_crashed_on()
    {
        const string json = """{"$type":"accept","At":"2026-03-09T03:00:00Z"}""";
        var ticket = TicketStory.Received().Classify().Dispatch().Ticket;

        var action = JsonSerializer.Deserialize(json, TicketJsonContext.Default.TicketAction)!;
        var result = ticket.Apply(action, TicketContext.WithinReturnWindow);

        result.ShouldBeRejected(TicketRejectionReason.InvalidAction).Message.Should().Contain("the actor is required");
    }
}
