using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;
using LiveGrid.Grains.Tickets;
using static LiveGrid.Grains.Tests.Kpis.KpiTrails;

namespace LiveGrid.Grains.Tests.Kpis;

/// <summary>
/// The engine reads outcomes from the audit entries' fields, and from the text only for entries written before the
/// fields existed. The "new" tickets here carry text that contradicts their fields, so a text reader would count them
/// wrongly; the "old" ones have text only (as every trail in <see cref="KpiTrails"/> has).
/// </summary>
public sealed class KpiOutcomeFieldTests
{
    private static readonly TicketActor Someone = new("someone", ActorRole.HotlineOperator, "someone");

    /// <summary>Fields: community level, unsatisfied, extension refused; the text says grid, satisfied, approved.</summary>
    private static readonly KpiTicket New = Trail("new",
        Entry(TicketActionKind.DecideExtension, "2026-11-23 09:30", "approved 3wd", approved: false),
        Entry(TicketActionKind.Resolve, "2026-11-23 10:00", "by grid-unit-1 at Grid level", level: ResolutionLevel.Community),
        Entry(TicketActionKind.CallBack, "2026-11-23 11:00", "rated Satisfied", rating: CallbackRating.Unsatisfied),
        Entry(TicketActionKind.Verify, "2026-11-23 12:00", "failed", passed: true, to: TicketStatus.Resolved));

    /// <summary>No fields: street level, satisfied, extension approved, verification failed (left it Resolved), by their text and status.</summary>
    private static readonly KpiTicket Old = Trail("old",
        Entry(TicketActionKind.DecideExtension, "2026-11-23 09:30", "approved 3wd"),
        Entry(TicketActionKind.Resolve, "2026-11-23 10:00", "by street-unit at Street level"),
        Entry(TicketActionKind.CallBack, "2026-11-23 11:00", "rated Satisfied"),
        Entry(TicketActionKind.Verify, "2026-11-23 12:00", "failed", to: TicketStatus.Resolved));

    private static readonly KpiReport Report = KpiEngine.Compute(Zone, From, To, KpiScope.City, [New, Old]);

    [Fact]
    public void The_rating_comes_from_the_field_and_from_the_text_only_without_one()
    {
        // new: Unsatisfied (field); old: Satisfied (text) → 1 of 2.
        (Report.Satisfaction.Numerator, Report.Satisfaction.Denominator).Should().Be((1, 2));
    }

    [Fact]
    public void The_level_comes_from_the_field_and_from_the_text_only_without_one()
    {
        Report.ResolvedAtLevel.Select(r => (r.Name, r.Numerator)).Should().Equal(
            ("resolvedAtGrid", 0), ("resolvedAtCommunity", 1), ("resolvedAtStreet", 1), ("resolvedAtDistrict", 0));
    }

    [Fact]
    public void The_extension_decision_comes_from_the_field_and_from_the_text_only_without_one()
    {
        // new: refused (field, though the text says approved); old: approved (text) → 1 of 2.
        (Report.Extension.Numerator, Report.Extension.Denominator).Should().Be((1, 2));
    }

    [Fact]
    public void A_failed_verification_is_the_field_and_the_status_only_without_one()
    {
        // new: passed (field, though it stayed Resolved in this made-up trail); old: left Resolved → failed.
        ScorecardEngine.FailedVerifications(new KpiPeriod(Zone, From, To), [New, Old]).Should().Be(1);
    }

    [Theory]
    [InlineData("rated Satisfied", CallbackRating.Satisfied)]
    [InlineData("rated BasicallySatisfied", CallbackRating.BasicallySatisfied)]
    [InlineData("rated 7", null)]
    [InlineData("Satisfied", null)]
    [InlineData(null, null)]
    public void Old_callback_text_is_read_by_the_fallback(string? detail, CallbackRating? rating)
    {
        KpiEngine.RatingOf(Entry(TicketActionKind.CallBack, "2026-11-23 11:00", detail)).Should().Be(rating);
    }

    private static KpiTicket Trail(string id, params TicketTransition[] events) => new()
    {
        Id = id,
        GridCode = Grid1,
        LeadUnitId = "grid-unit-1",
        WorkerId = "w1a",
        Trail = [Entry(TicketActionKind.Receive, "2026-11-23 09:00", null), Entry(TicketActionKind.Dispatch, "2026-11-23 09:10", null), .. events],
    };

    private static TicketTransition Entry(
        TicketActionKind kind, string at, string? detail, CallbackRating? rating = null, ResolutionLevel? level = null, bool? approved = null,
        bool? passed = null, TicketStatus to = TicketStatus.Received) =>
        new(0, L(at), Someone, null, to, kind, null, detail, rating, level, approved, passed);
}
