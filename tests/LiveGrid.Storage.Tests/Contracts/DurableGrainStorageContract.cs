using LiveGrid.Runtime;
using LiveGrid.Runtime.State;
using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>The grain storage contract plus what only a durable provider can promise: data outlives the provider instance.</summary>
public abstract class DurableGrainStorageContract : GrainStorageContract
{
    [Fact]
    public async Task Written_state_is_there_for_a_new_provider_instance()
    {
        var etag = await Storage.WriteAsync(StateName, Grid, Bytes("survives"), null);
        await CloseAsync(Storage);

        var reopened = OpenStorage();

        var stored = await reopened.ReadAsync(StateName, Grid);
        stored.Should().NotBeNull();
        stored!.Data.Should().Equal(Bytes("survives"));
        stored.ETag.Should().Be(etag);
        var next = await reopened.WriteAsync(StateName, Grid, Bytes("after reopen"), etag);
        next.Should().NotBe(etag);
    }

    [Fact]
    public async Task Etags_handed_out_after_reopening_never_repeat_earlier_ones()
    {
        var seen = new List<string>();
        var etag = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);
        seen.Add(etag);
        etag = await Storage.WriteAsync(StateName, Grid, Bytes("v2"), etag);
        seen.Add(etag);
        await Storage.ClearAsync(StateName, Grid, etag);
        await CloseAsync(Storage);

        var reopened = OpenStorage();
        var fresh = await reopened.WriteAsync(StateName, Grid, Bytes("v3"), null);

        seen.Should().NotContain(fresh);
        var stale = () => reopened.WriteAsync(StateName, Grid, Bytes("ghost"), seen[0]);
        await stale.Should().ThrowAsync<InconsistentStateException>();
    }

    [Fact]
    public async Task Writes_pending_at_dispose_are_completed_and_durable()
    {
        await Storage.WriteAsync(StateName, Grid, Bytes("warm-up"), null);
        var pending = Enumerable.Range(0, 100)
            .Select(i => Storage.WriteAsync(StateName, new GrainId("grid", $"pending-{i}"), Bytes($"value {i}"), null))
            .ToList();

        await CloseAsync(Storage);

        var etags = await Task.WhenAll(pending).WaitAsync(Patience);
        var reopened = OpenStorage();
        for (var i = 0; i < pending.Count; i++)
        {
            var stored = await reopened.ReadAsync(StateName, new GrainId("grid", $"pending-{i}"));
            stored.Should().NotBeNull($"write {i} was acknowledged before dispose finished");
            stored!.Data.Should().Equal(Bytes($"value {i}"));
            stored.ETag.Should().Be(etags[i]);
        }
    }
}
