using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Scenario;

/// <summary>
/// "A week in one street": 东华门街道 (<see cref="TestCity"/>) from Saturday 2026-09-19 to Monday 2026-09-28, a week with a
/// weekend, a make-up working day (Sunday 09-20, for National Day), and the Mid-Autumn holiday (Friday 09-25 to Sunday
/// 09-27), driven through the real HTTP API of the real host on a manual clock. Every path of the ticket loop is taken:
/// the whole loop over the weekend, return and re-dispatch with co-handling and a transfer, an unsatisfied callback and
/// rework, an extension across the holiday, a suspension long enough to raise its alert, an overdue ticket climbing the
/// supervision ladder to the district, a merged duplicate with a failed and a passed verification, and patrols done
/// and missed. Expected deadlines are worked out by hand from the calendar (office hours 09:00-12:00 and 13:30-17:30,
/// Beijing time) and the shipped SLA table; each is written next to its reasoning.
/// </summary>
internal sealed class WeekInOneStreet(ApiSilo silo)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Saturday 2026-09-19 08:30 in Beijing: where the clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 9, 19, 8, 30, 0, Beijing);

    private static readonly object Operator = Actors.Operator;
    private static readonly object Dispatcher = Actors.Dispatcher;
    private static readonly object CommandCenter = Actors.CommandCenter;
    private static readonly object CityManagement = new { id = "cg1", role = "UnitHandler", name = "城管执法队员" };
    private static readonly object Municipal = new { id = "sz1", role = "UnitHandler", name = "市政维修员" };

    /// <summary>Beijing wall time on day <paramref name="day"/> of September 2026 (October when <paramref name="month"/> says so).</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0, int month = 9) => new(2026, month, day, hour, minute, second, Beijing);

    public async Task RunAsync()
    {
        var timeline = new Timeline();
        var weekend = WholeLoopOverTheWeekend(timeline);
        SuspensionOnTheMakeUpDay(timeline);
        var overdue = OverdueTicketClimbsTheLadder(timeline);
        var returned = ReturnRedispatchTransferAndRework(timeline);
        PatrolsDoneAndMissed(timeline);
        ExtensionAcrossTheHoliday(timeline);
        var original = MergedDuplicateAndVerification(timeline);

        await timeline.RunAsync(silo.AdvanceToAsync);

        await AuditTrailsTellTheWholeStoryAsync(weekend.Value!, returned.Value!, overdue.Value!, original.Value!);
        await BoardsAgreeWithTheTicketsAsync();
    }

    /// <summary>暴露垃圾 on Saturday morning: every clock skips the weekend and lands on the make-up Sunday.</summary>
    private StrongBox<string> WholeLoopOverTheWeekend(Timeline t)
    {
        var id = new StrongBox<string>();
        t.At(At(19, 9), "weekend ticket received", async () =>
        {
            var view = await ReceiveAsync(grid: 1, category: "暴露垃圾", description: "东华门大街12号门口暴露垃圾");
            id.Value = Id(view);
            Summary(view).GetProperty("status").GetString().Should().Be("Classified");
            // Dispatch within 24 clock hours, weekend or not: Sunday 09:00.
            Deadline(view).Should().Be(At(20, 9));
            Stage(view).Should().Be("Dispatch");
        });
        t.At(At(19, 10), "weekend ticket dispatched", async () =>
        {
            var view = await ActAsync(id.Value!, "dispatch", new { actor = Dispatcher });
            Summary(view).GetProperty("leadUnitId").GetString().Should().Be($"grid:{TestCity.Grid1}");
            Summary(view).GetProperty("assigneeWorkerId").GetString().Should().Be("w1a", "the grid's leader post is on duty");
            // Accept within 2 working hours: Saturday is off, Sunday 09-20 is a make-up working day, so 09:00-11:00 Sunday.
            ClockOf(view, "Accept").GetProperty("deadline").GetDateTimeOffset().Should().Be(At(20, 11));
            // Resolve 暴露垃圾 within 4 working hours: Sunday 09:00-12:00 (3 h) and 13:30-14:30 (1 h).
            Deadline(view).Should().Be(At(20, 14, 30));
            Stage(view).Should().Be("Resolve");
        });
        t.At(At(20, 9, 30), "weekend ticket accepted", () => ActAsync(id.Value!, "accept", new { actor = Actors.Worker("w1a") }));
        t.At(At(20, 10), "weekend ticket on site", () => ActAsync(id.Value!, "arrive", new { actor = Actors.Worker("w1a") }));
        t.At(At(20, 11), "weekend ticket resolved", async () =>
        {
            var view = await ActAsync(id.Value!, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运并消杀", level = "Grid" });
            Summary(view).GetProperty("resolvedOnTime").GetBoolean().Should().BeTrue();
            // Call back within 3 working days of 办结 (Sunday 11:00): by the close of Wednesday.
            Deadline(view).Should().Be(At(23, 17, 30));
            Stage(view).Should().Be("CallBack");
        });
        t.At(At(21, 10), "weekend ticket called back and closed", async () =>
        {
            await ActAsync(id.Value!, "callback", new { actor = Operator, rating = "Satisfied", note = "市民表示满意" });
            var view = await ActAsync(id.Value!, "close", new { actor = Operator });
            Summary(view).GetProperty("status").GetString().Should().Be("Closed");
            Summary(view).GetProperty("rating").GetString().Should().Be("Satisfied");
        });
        return id;
    }

    /// <summary>
    /// A 3-working-day help request in grid 4, accepted and suspended on the make-up Sunday; the suspension runs past
    /// 5 working days and raises its alert; resuming it moves the deadline by exactly the suspended working time.
    /// </summary>
    private void SuspensionOnTheMakeUpDay(Timeline t)
    {
        var id = new StrongBox<string>();
        t.At(At(20, 9, 30), "help request received and dispatched", async () =>
        {
            id.Value = Id(await ReceiveAsync(grid: 4, category: "社区服务", description: "独居老人申请上门助餐", kind: "Help"));
            var view = await ActAsync(id.Value, "dispatch", new { actor = Dispatcher, unitId = $"grid:{TestCity.Grid4}" });
            // Help: resolve within 3 working days. The start day does not count (开始的当日不计入), and the limit ends at
            // the close of business of the third working day after it: Monday, Tuesday, Wednesday 17:30.
            Deadline(view).Should().Be(At(23, 17, 30));
        });
        t.At(At(20, 10), "help request accepted", () => ActAsync(id.Value!, "accept", new { actor = Actors.Worker("w4a") }));
        t.At(At(20, 10, 30), "help request suspended", async () =>
        {
            var view = await ActAsync(id.Value!, "suspend", new { actor = Actors.Worker("w4a"), reason = "等待老人子女提供身份证明材料" });
            Summary(view).GetProperty("status").GetString().Should().Be("Suspended");
            Summary(view).GetProperty("isSuspended").GetBoolean().Should().BeTrue();
        });

        // 5 working days from Sunday 10:30 (a make-up working day): Monday to Thursday, then past the holiday, Monday 10:30.
        t.At(At(28, 10, 29, 59), "no suspension alert yet", async () =>
            (await FeedAsync("w4a")).Should().NotContain(n => Text(n, "kind") == "SuspensionTooLong"));
        t.At(At(28, 10, 30), "suspension alert", () => UntilAsync(
            async () => (await FeedAsync("w4a")).Any(n => Text(n, "kind") == "SuspensionTooLong" && Text(n, "ticketId") == id.Value),
            "the long suspension is flagged to the worker"));
        t.At(At(28, 11), "help request resumed", async () =>
        {
            var view = await ActAsync(id.Value!, "resume", new { actor = Actors.Worker("w4a"), note = "材料已补齐" });
            Summary(view).GetProperty("status").GetString().Should().Be("Accepted");
            // Budget: Sunday 09:30 to Wednesday 17:30 is 27.5 working hours; 1 was used before the suspension
            // (09:30-10:30). The other 26.5 run from Monday 09-28 11:00: 5 h that day, 7 on Tuesday, 7 on Wednesday 09-30,
            // then National Day (10-01 to 10-07), 7 on Thursday 10-08, and the last half hour Friday 10-09 09:00-09:30.
            Deadline(view).Should().Be(At(9, 9, 30, month: 10));
        });
        t.At(At(28, 15), "help request resolved", async () =>
        {
            var view = await ActAsync(id.Value!, "resolve", new { actor = Actors.Worker("w4a"), note = "已安排助餐服务", level = "Community" });
            Summary(view).GetProperty("resolvedOnTime").GetBoolean().Should().BeTrue("suspended time does not count");
        });
    }

    /// <summary>
    /// 暴露垃圾 in grid 1 on Monday, dispatched and then left: amber at 75 %, overdue at 100 % with a reminder (催办),
    /// then a formal notice, then escalation to the community, the street and, over the holiday, the district.
    /// </summary>
    private StrongBox<string> OverdueTicketClimbsTheLadder(Timeline t)
    {
        var id = new StrongBox<string>();
        t.At(At(21, 9), "unattended ticket received", async () =>
        {
            // Away from the weekend ticket's spot (about 560 m), so not a suspected duplicate of it.
            var view = await ReceiveAsync(grid: 1, category: "暴露垃圾", description: "南池子大街垃圾桶满溢", longitude: 116.401, latitude: 39.911);
            id.Value = Id(view);
            Text(Summary(view), "suspectedDuplicateOf").Should().BeNull();
        });
        t.At(At(21, 9, 10), "unattended ticket dispatched", async () =>
        {
            var view = await ActAsync(id.Value!, "dispatch", new { actor = Dispatcher });
            // 4 working hours from 09:10: 09:10-12:00 (2 h 50) and 13:30-14:40 (1 h 10).
            Deadline(view).Should().Be(At(21, 14, 40));
        });

        // 75 % of 4 h is 3 h: 09:10-12:00 and 13:30-13:40.
        t.At(At(21, 13, 39, 59), "not amber yet", async () =>
            Text(Summary(await GetAsync(id.Value!)), "bucket").Should().NotBe("From75To100"));
        t.At(At(21, 13, 40), "amber at 75 %", async () =>
        {
            await UntilSummaryAsync(id.Value!, s => Text(s, "bucket") == "From75To100", "the ticket turns amber at 75 % exactly");
            await UntilAsync(
                async () => (await FeedAsync("w1a")).Any(n => Text(n, "kind") == "DeadlineWarning" && Text(n, "ticketId") == id.Value),
                "the worker is warned");
        });

        // Deadline Monday 14:40. Reminder then; formal notice 1 working day later; the community 2; then one level up
        // each working day. Friday to Sunday are the Mid-Autumn holiday: after Thursday comes Monday 09-28.
        var steps = new (DateTimeOffset At, string Level, string EscalatedTo)[]
        {
            (At(21, 14, 40), "Reminder", "Grid"),
            (At(22, 14, 40), "FormalNotice", "Grid"),
            (At(23, 14, 40), "Escalation", "Community"),
            (At(24, 14, 40), "Escalation", "Street"),
            (At(28, 14, 40), "Escalation", "District"),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var (at, level, escalatedTo) = steps[i];
            var before = i;
            var after = i + 1;
            t.At(at - TimeSpan.FromSeconds(1), $"before supervision step {after}", async () =>
                (await SupervisionsAsync(id.Value!)).Should().HaveCount(before, "step {0} is not due before {1:O}", after, at));
            t.At(at, $"supervision step {after}: {level} at {escalatedTo}", async () =>
            {
                await UntilAsync(async () => (await SupervisionsAsync(id.Value!)).Count == after, $"supervision step {after}");
                var summary = Summary(await GetAsync(id.Value!));
                summary.GetProperty("isOverdue").GetBoolean().Should().BeTrue();
                Text(summary, "supervision").Should().Be(level);
                Text(summary, "escalatedTo").Should().Be(escalatedTo);
                (await SupervisionsAsync(id.Value!))[^1].GetProperty("at").GetDateTimeOffset().Should().Be(at, "each step is taken to the second");
            });
        }

        t.At(At(28, 14, 41), "the worker heard of every step", async () =>
            (await FeedAsync("w1a")).Count(n => Text(n, "kind") == "Supervision" && Text(n, "ticketId") == id.Value)
                .Should().Be(steps.Length));
        return id;
    }

    /// <summary>
    /// Rubbish reported in grid 2 turns out to be a broken road fixture: the grid worker returns it (退单), the dispatcher
    /// re-classifies it and re-dispatches it to the city-management bureau with the grid co-handling, the bureau transfers
    /// it to the municipal department, whose fix the caller finds unsatisfactory, so it is reworked and resolved again.
    /// </summary>
    private StrongBox<string> ReturnRedispatchTransferAndRework(Timeline t)
    {
        var id = new StrongBox<string>();
        t.At(At(21, 9, 30), "misfiled ticket received", async () =>
            id.Value = Id(await ReceiveAsync(grid: 2, category: "暴露垃圾", description: "路边井盖破损, 周围堆有杂物")));
        t.At(At(21, 9, 40), "misfiled ticket dispatched to the grid", () => ActAsync(id.Value!, "dispatch", new { actor = Dispatcher }));
        t.At(At(21, 10), "returned by the grid", async () =>
        {
            var view = await ActAsync(id.Value!, "return", new { actor = Actors.Worker("w2a"), reason = "井盖破损属市政设施, 非网格职责" });
            Summary(view).GetProperty("status").GetString().Should().Be("Returned");
        });
        t.At(At(21, 10, 20), "re-classified and re-dispatched with co-handling", async () =>
        {
            await ActAsync(id.Value!, "classify", new { actor = Dispatcher, category = "道路与设施", priority = "Normal", kind = "Complaint" });
            var view = await ActAsync(id.Value!, "redispatch", new
            {
                actor = Dispatcher,
                unitId = "dept:cgzf",
                helperUnitIds = new[] { $"grid:{TestCity.Grid2}" },
                note = "城管牵头, 网格协办",
            });
            Summary(view).GetProperty("status").GetString().Should().Be("Dispatched");
            Summary(view).GetProperty("leadUnitId").GetString().Should().Be("dept:cgzf");
            view.GetProperty("ticket").GetRawText().Should().Contain($"grid:{TestCity.Grid2}", "the grid co-handles");
        });
        t.At(At(21, 11), "accepted by the bureau", () => ActAsync(id.Value!, "accept", new { actor = CityManagement }));
        t.At(At(21, 14), "transferred to the municipal department", async () =>
        {
            var view = await ActAsync(id.Value!, "transfer", new { actor = CityManagement, toUnitId = "dept:szss", reason = "井盖维修由市政负责" });
            Summary(view).GetProperty("status").GetString().Should().Be("Dispatched");
            Summary(view).GetProperty("leadUnitId").GetString().Should().Be("dept:szss");
        });
        t.At(At(22, 9, 30), "accepted by the municipal department", () => ActAsync(id.Value!, "accept", new { actor = Municipal }));
        t.At(At(22, 15), "resolved by the municipal department", () =>
            ActAsync(id.Value!, "resolve", new { actor = Municipal, note = "已更换井盖", level = "District" }));
        t.At(At(22, 16), "unsatisfied callback and rework", async () =>
        {
            var view = await ActAsync(id.Value!, "callback", new { actor = Operator, rating = "Unsatisfied", note = "周围杂物仍未清理" });
            Summary(view).GetProperty("rating").GetString().Should().Be("Unsatisfied");
            view = await ActAsync(id.Value!, "rework", new { actor = Dispatcher, reason = "回访不满意: 杂物未清理", source = "UnsatisfiedCallback" });
            Summary(view).GetProperty("status").GetString().Should().Be("Dispatched");
            // The new round's resolve clock starts at the rework: a complaint has 13 working days, across the holiday
            // and National Day: 09-23, 24, 28, 29, 30, 10-08, 09, 10 (a make-up Saturday), 12, 13, 14, 15, 16 (17:30).
            Deadline(view).Should().Be(At(16, 17, 30, month: 10));
        });
        t.At(At(23, 10), "rework accepted", () => ActAsync(id.Value!, "accept", new { actor = Municipal }));
        t.At(At(23, 15), "rework resolved", () =>
            ActAsync(id.Value!, "resolve", new { actor = Municipal, note = "杂物已清理, 井盖已更换", level = "District" }));
        t.At(At(23, 16), "satisfied callback and close", async () =>
        {
            await ActAsync(id.Value!, "callback", new { actor = Operator, rating = "Satisfied" });
            var view = await ActAsync(id.Value!, "close", new { actor = Operator });
            Summary(view).GetProperty("status").GetString().Should().Be("Closed");
        });
        return id;
    }

    /// <summary>Monday's morning patrols: grid 1's worker patrols and finds a problem; nobody patrols grid 2.</summary>
    private void PatrolsDoneAndMissed(Timeline t)
    {
        var patrol1 = $"{TestCity.Grid1}-20260921-0";
        var patrol2 = $"{TestCity.Grid2}-20260921-0";
        var actor = new StrongBox<object>();
        t.At(At(21, 10, 30), "grid 1 patrol checked in, finding reported", async () =>
        {
            await UntilAsync(async () => (await silo.Http.GetAsync($"/api/inspections/{patrol1}")).IsSuccessStatusCode,
                "the scheduler plans Monday's patrols");
            var inspection = await GetJsonAsync($"/api/inspections/{patrol1}");
            Text(inspection.GetProperty("summary"), "status").Should().Be("Scheduled");
            actor.Value = Actors.Worker(inspection.GetProperty("plan").GetProperty("workerId").GetString()!);
            await InspectAsync(patrol1, "check-in", new { actor = actor.Value, longitude = TestCity.Centre(1).Longitude, latitude = TestCity.Centre(1).Latitude });
            await InspectAsync(patrol1, "checkpoint", new { actor = actor.Value, checkpoint = "网格入口", note = "正常" });
            var finding = await InspectAsync(patrol1, "finding", new
            {
                actor = actor.Value,
                category = "道路与设施",
                description = "人行道地砖松动",
                longitude = TestCity.Centre(1).Longitude,
                latitude = TestCity.Centre(1).Latitude + 0.002,
            });
            var found = finding.GetProperty("createdTicketId").GetString()!;
            Text(Summary(await GetAsync(found)), "source").Should().Be("Patrol");
        });
        t.At(At(21, 11, 15), "grid 1 patrol completed", async () =>
            Text((await InspectAsync(patrol1, "complete", new { actor = actor.Value, note = "巡查完毕" })).GetProperty("inspection").GetProperty("summary"), "status")
                .Should().Be("Completed"));

        // The morning shift ends at 12:00: grid 2's patrol is missed and escalated to its community.
        t.At(At(21, 11, 59, 59), "grid 2 patrol still open", async () =>
            Text((await GetJsonAsync($"/api/inspections/{patrol2}")).GetProperty("summary"), "status").Should().Be("Scheduled"));
        t.At(At(21, 12), "grid 2 patrol missed", () => UntilAsync(async () =>
        {
            var summary = (await GetJsonAsync($"/api/inspections/{patrol2}")).GetProperty("summary");
            return Text(summary, "status") == "Missed" && Text(summary, "escalatedTo") == "Community";
        }, "grid 2's morning patrol is missed at the window's end and escalated to the community"));
    }

    /// <summary>A 3-working-day request in grid 3 whose extension of 2 working days carries it over the holiday.</summary>
    private void ExtensionAcrossTheHoliday(Timeline t)
    {
        var id = new StrongBox<string>();
        t.At(At(22, 10), "request received and dispatched", async () =>
        {
            id.Value = Id(await ReceiveAsync(grid: 3, category: "民生保障", description: "申请困难家庭临时救助", kind: "Help"));
            var view = await ActAsync(id.Value, "dispatch", new { actor = Dispatcher, unitId = $"grid:{TestCity.Grid3}" });
            // 3 working days after Tuesday: Wednesday, Thursday, then past the holiday (Friday-Sunday) to Monday 17:30.
            Deadline(view).Should().Be(At(28, 17, 30));
        });
        t.At(At(23, 10), "accepted, extension requested", async () =>
        {
            await ActAsync(id.Value!, "accept", new { actor = Actors.Worker("w3a") });
            var view = await ActAsync(id.Value!, "extension-request", new { actor = Actors.Worker("w3a"), limit = "2wd", reason = "需民政部门补充审核材料" });
            Deadline(view).Should().Be(At(28, 17, 30), "a requested extension moves nothing until approved");
        });
        t.At(At(23, 11), "extension approved", async () =>
        {
            var view = await ActAsync(id.Value!, "extension-decision", new { actor = CommandCenter, approved = true, note = "同意延期2个工作日" });
            // The approved 2 working days move Monday 17:30 to Wednesday 09-30 17:30.
            Deadline(view).Should().Be(At(30, 17, 30));
            ClockOf(view, "Resolve").GetProperty("limit").GetString().Should().Be("3wd + 2wd");
        });
        t.At(At(29, 10), "resolved after the old deadline, within the extended one", async () =>
        {
            Summary(await GetAsync(id.Value!)).GetProperty("isOverdue").GetBoolean().Should().BeFalse("the extension moved the deadline to 09-30");
            var view = await ActAsync(id.Value!, "resolve", new { actor = Actors.Worker("w3a"), note = "救助金已发放", level = "Street" });
            Summary(view).GetProperty("resolvedOnTime").GetBoolean().Should().BeTrue();
        });
    }

    /// <summary>Two reports of the same heap in grid 3: the second is flagged and merged into the first, which fails
    /// its first verification (核查) and passes its second.</summary>
    private StrongBox<string> MergedDuplicateAndVerification(Timeline t)
    {
        var original = new StrongBox<string>();
        var inspector = new { id = "w3c", role = "Inspector", name = "王3" };
        t.At(At(22, 11), "original received", async () =>
            original.Value = Id(await ReceiveAsync(grid: 3, category: "暴露垃圾", description: "菜市场后门垃圾堆积")));
        t.At(At(22, 11, 20), "duplicate received and merged", async () =>
        {
            var (longitude, latitude) = TestCity.Centre(3);
            var second = await ReceiveAsync(grid: 3, category: "暴露垃圾", description: "菜场后面有一堆垃圾", longitude: longitude + 0.0003, latitude: latitude);
            var duplicate = Id(second);
            Text(Summary(second), "suspectedDuplicateOf").Should().Be(original.Value, "same category, about 25 m and 20 minutes apart");

            var merged = await ActAsync(duplicate, "merge", new { actor = Dispatcher, originalTicketId = original.Value, note = "同一地点同一问题" });
            Text(Summary(merged), "status").Should().Be("Merged");
            Text(Summary(merged), "mergedInto").Should().Be(original.Value);
            await UntilAsync(async () => (await GetAsync(original.Value!)).GetProperty("ticket").GetRawText().Contains(duplicate, StringComparison.Ordinal),
                "the original lists the merged duplicate");
        });
        t.At(At(22, 11, 30), "original dispatched and accepted", async () =>
        {
            await ActAsync(original.Value!, "dispatch", new { actor = Dispatcher });
            await ActAsync(original.Value!, "accept", new { actor = Actors.Worker("w3a") });
        });
        t.At(At(22, 14), "original resolved, verification fails", async () =>
        {
            await ActAsync(original.Value!, "resolve", new { actor = Actors.Worker("w3a"), note = "已清运", level = "Grid" });
            (await VerifyAsync(original.Value!, inspector, passed: false, note: "仍有少量垃圾残留")).Should().Be($"verify-{original.Value}-1");
            await UntilSummaryAsync(original.Value!, s => Text(s, "status") == "Dispatched", "a failed verification sends the ticket to rework");
        });
        t.At(At(22, 15, 30), "rework accepted", () => ActAsync(original.Value!, "accept", new { actor = Actors.Worker("w3a") }));
        t.At(At(22, 16, 30), "rework resolved, verification passes", async () =>
        {
            await ActAsync(original.Value!, "resolve", new { actor = Actors.Worker("w3a"), note = "残留垃圾已清理", level = "Grid" });
            (await VerifyAsync(original.Value!, inspector, passed: true, note: "现场已清洁")).Should().Be($"verify-{original.Value}-2");
            await UntilSummaryAsync(original.Value!, s => Text(s, "status") == "Closed", "a passed verification closes the ticket (核查结案)");
        });
        return original;
    }

    private async Task AuditTrailsTellTheWholeStoryAsync(string weekend, string returned, string overdue, string verified)
    {
        var trail = await AuditAsync(weekend);
        // An intake that says what it is (category, priority, kind) is received and classified in one step.
        trail.Select(Action).Should().Equal("Receive", "Classify", "Dispatch", "Accept", "ArriveOnSite", "Resolve", "CallBack", "Close");
        trail.Select(e => e.GetProperty("at").GetDateTimeOffset()).Should().Equal(
            At(19, 9), At(19, 9), At(19, 10), At(20, 9, 30), At(20, 10), At(20, 11), At(21, 10), At(21, 10));
        var accept = trail[3];
        Text(accept.GetProperty("by"), "id").Should().Be("w1a");
        Text(accept.GetProperty("by"), "role").Should().Be("GridWorker");
        Text(accept, "from").Should().Be("Dispatched");
        Text(accept, "to").Should().Be("Accepted");

        trail = await AuditAsync(returned);
        trail.Select(Action).Should().ContainInOrder(
            "Receive", "Dispatch", "Return", "Classify", "Redispatch", "Accept", "Transfer", "Accept", "Resolve", "CallBack", "Rework",
            "Accept", "Resolve", "CallBack", "Close");
        var ret = trail.Single(e => Action(e) == "Return");
        (Text(ret, "note") + Text(ret, "detail")).Should().Contain("非网格职责", "the reason is kept");
        Text(ret.GetProperty("by"), "id").Should().Be("w2a");

        var supervisions = (await AuditAsync(overdue)).Where(e => Action(e) == "Supervise").ToArray();
        supervisions.Should().HaveCount(5);
        supervisions.Should().OnlyContain(e => Text(e.GetProperty("by"), "role") == "System");
        Text(supervisions[^1], "note").Should().Contain("区");

        trail = await AuditAsync(verified);
        trail.Select(Action).Should().ContainInOrder("Receive", "AddDuplicate", "Dispatch", "Accept", "Resolve", "Verify", "Rework", "Accept", "Resolve", "Verify");
        Text(trail[^1], "to").Should().Be("Closed");
        trail.Select(e => e.GetProperty("sequence").GetInt32()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    /// <summary>The boards count what the tickets say, from the grid up to the city.</summary>
    private async Task BoardsAgreeWithTheTicketsAsync()
    {
        var items = (await GetJsonAsync("/api/tickets?pageSize=500")).GetProperty("items").EnumerateArray().ToArray();
        var open = items.Where(t => t.GetProperty("isOpen").GetBoolean()).ToArray();
        var overdue = open.Count(t => t.GetProperty("isOverdue").GetBoolean());
        open.Should().NotBeEmpty();
        overdue.Should().BeGreaterThan(0, "the unattended ticket of Monday is still overdue");

        await UntilAsync(async () =>
        {
            var counters = (await GetJsonAsync("/api/boards/city")).GetProperty("counters");
            return counters.GetProperty("open").GetInt32() == open.Length && counters.GetProperty("overdue").GetInt32() == overdue;
        }, $"the city board shows {open.Length} open and {overdue} overdue tickets, as the ticket list does");
        (await GetJsonAsync($"/api/boards/{TestCity.Street}")).GetProperty("counters").GetProperty("open").GetInt32()
            .Should().Be(open.Length, "every ticket of the week is in this street");
        (await GetJsonAsync($"/api/grids/{TestCity.Grid1}")).GetProperty("counters").GetProperty("overdue").GetInt32()
            .Should().Be(open.Count(t => Text(t, "gridCode") == TestCity.Grid1 && t.GetProperty("isOverdue").GetBoolean()));
    }

    // --- steps over HTTP --------------------------------------------------------------------------------------------

    private async Task<JsonElement> ReceiveAsync(
        int grid, string category, string description, string kind = "Complaint", double? longitude = null, double? latitude = null)
    {
        var centre = TestCity.Centre(grid);
        var response = await silo.PostJsonAsync("/api/tickets", new
        {
            actor = Operator,
            source = "Hotline",
            callerName = "陈女士",
            callerPhone = "13812345678",
            address = $"东华门街道第{grid}网格",
            description,
            longitude = longitude ?? centre.Longitude,
            latitude = latitude ?? centre.Latitude,
            category,
            priority = "Normal",
            kind,
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        var view = Parse(body);
        Summary(view).GetProperty("gridCode").GetString().Should().Be(TestCity.Grids[grid - 1]);
        return view;
    }

    private async Task<JsonElement> ActAsync(string id, string action, object body)
    {
        var response = await silo.PostJsonAsync($"/api/tickets/{id}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} on {1} at {2:O} should be applied, but the answer was {3}", action, id, silo.Time.GetUtcNow(), text);
        var result = Parse(text);
        return result.TryGetProperty("summary", out _) ? result : result.GetProperty("ticket");
    }

    private async Task<JsonElement> InspectAsync(string inspection, string command, object body)
    {
        var response = await silo.PostJsonAsync($"/api/inspections/{inspection}/{command}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} on {1} should be applied, but the answer was {2}", command, inspection, text);
        return Parse(text);
    }

    /// <summary>Schedules a verification of <paramref name="ticket"/>, checks in and completes it; returns its key.</summary>
    private async Task<string> VerifyAsync(string ticket, object inspector, bool passed, string note)
    {
        var response = await silo.PostJsonAsync($"/api/tickets/{ticket}/verification", new { actor = Dispatcher, workerId = "w3c" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = response.Headers.Location!.ToString().Split('/')[^1];
        await InspectAsync(key, "check-in", new { actor = inspector });
        await InspectAsync(key, "complete", new { actor = inspector, passed, note });
        return key;
    }

    private Task<JsonElement> GetAsync(string id) => GetJsonAsync($"/api/tickets/{id}");

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await silo.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0}: {1}", path, text);
        return Parse(text);
    }

    private async Task<IReadOnlyList<JsonElement>> AuditAsync(string id) => [.. (await GetJsonAsync($"/api/tickets/{id}/audit")).EnumerateArray()];

    private async Task<IReadOnlyList<JsonElement>> SupervisionsAsync(string id) => [.. (await AuditAsync(id)).Where(e => Action(e) == "Supervise")];

    private async Task<IReadOnlyList<JsonElement>> FeedAsync(string worker)
    {
        var feed = await GetJsonAsync($"/api/workers/{worker}/feed?max=500");
        return [.. (feed.ValueKind == JsonValueKind.Array ? feed : feed.GetProperty("items")).EnumerateArray()];
    }

    private Task UntilSummaryAsync(string id, Func<JsonElement, bool> condition, string what) =>
        UntilAsync(async () => condition(Summary(await GetAsync(id))), what);

    private static Task UntilAsync(Func<Task<bool>> condition, string what) => Eventually.UntilAsync(condition, what);

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string Id(JsonElement view) => Summary(view).GetProperty("id").GetString()!;

    private static JsonElement Summary(JsonElement view) => view.GetProperty("summary");

    private static DateTimeOffset Deadline(JsonElement view) => Summary(view).GetProperty("deadline").GetDateTimeOffset();

    private static string? Stage(JsonElement view) => Text(Summary(view), "agingStage");

    private static JsonElement ClockOf(JsonElement view, string stage) =>
        view.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("stage").GetString() == stage);

    private static string Action(JsonElement entry) => entry.GetProperty("action").GetString()!;

    /// <summary>A string property, or null when it is null or absent (the API leaves nulls out).</summary>
    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
