using System.Net;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Every action route over HTTP, through the side paths: classify, return and redispatch, transfer, extension, suspension, rework, verification, merge.</summary>
public sealed class TicketSidePathApiTests
{
    [Fact]
    public async Task The_side_paths_each_reach_their_status_and_leave_their_entry_in_the_audit_trail()
    {
        await using var silo = await ApiSilo.StartAsync();
        var handler = Actors.Worker("w1a");

        // An unclassified intake is classified over HTTP.
        var response = await silo.PostJsonAsync("/api/tickets", new
        {
            actor = Actors.Operator,
            description = "楼下垃圾堆放",
            longitude = TestCity.Centre(1).Longitude,
            latitude = TestCity.Centre(1).Latitude,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.JsonAsync()).Id();
        (await silo.ActAsync(id, "classify", new { actor = Actors.Operator, category = "暴露垃圾", priority = "Normal", kind = "Complaint" }))
            .Status().Should().Be("Classified");

        await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher, unitId = $"grid:{TestCity.Grid1}" });
        (await silo.ActAsync(id, "return", new { actor = handler, reason = "不属于本网格" })).Status().Should().Be("Returned");
        (await silo.ActAsync(id, "redispatch", new { actor = Actors.Dispatcher, unitId = $"grid:{TestCity.Grid1}" })).Status().Should().Be("Dispatched");
        (await silo.ActAsync(id, "transfer", new { actor = Actors.Dispatcher, toUnitId = $"community:{TestCity.Community1}", reason = "需社区协调" }))
            .GetProperty("summary").GetProperty("leadUnitId").GetString().Should().Be($"community:{TestCity.Community1}");
        await silo.ActAsync(id, "accept", new { actor = handler });
        var requested = await silo.ActAsync(id, "extension-request", new { actor = handler, limit = "2wd", reason = "需协调物业" });
        requested.GetProperty("ticket").GetProperty("pendingExtension").GetProperty("limit").GetString().Should().Be("2wd");
        (await silo.ActAsync(id, "extension-decision", new { actor = Actors.Dispatcher, approved = true }))
            .GetProperty("ticket").GetProperty("approvedExtensions").GetArrayLength().Should().Be(1);
        (await silo.ActAsync(id, "suspend", new { actor = handler, reason = "等待居民在家" })).Status().Should().Be("Suspended");
        (await silo.ActAsync(id, "resume", new { actor = handler })).Status().Should().Be("Accepted");
        (await silo.ActAsync(id, "supervise", new { actor = Actors.CommandCenter, level = "Reminder", note = "请加快办理" }))
            .GetProperty("summary").GetProperty("supervision").GetString().Should().Be("Reminder");
        await silo.ActAsync(id, "resolve", new { actor = handler, note = "已协调清运", level = "Community" });
        await silo.ActAsync(id, "callback", new { actor = Actors.Operator, rating = "Unsatisfied" });
        (await silo.ActAsync(id, "rework", new { actor = Actors.Dispatcher, reason = "居民不满意", source = "UnsatisfiedCallback" })).Status().Should().Be("Dispatched");
        await silo.ActAsync(id, "accept", new { actor = handler });
        await silo.ActAsync(id, "resolve", new { actor = handler, note = "彻底清理", level = "Community" });
        (await silo.ActAsync(id, "verify", new { actor = new { id = "w1c", role = "Inspector", name = "王1" }, passed = true })).Status().Should().Be("Closed");

        var duplicate = (await silo.ReceiveAsync(grid: 2)).Id();
        var original = (await silo.ReceiveAsync(grid: 2, description: "同一处垃圾")).Id();
        (await silo.ActAsync(duplicate, "merge", new { actor = Actors.Operator, originalTicketId = original })).Status().Should().Be("Merged");

        var audit = await (await silo.Http.GetAsync($"/api/tickets/{id}/audit")).JsonAsync();
        audit.EnumerateArray().Select(entry => entry.GetProperty("action").GetString()).Should().ContainInOrder(
            "Receive", "Classify", "Dispatch", "Return", "Redispatch", "Transfer", "Accept", "RequestExtension", "DecideExtension",
            "Suspend", "Resume", "Supervise", "Resolve", "CallBack", "Rework", "Accept", "Resolve", "Verify");
    }
}
