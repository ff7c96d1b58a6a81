using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>IPersistentState: written state outlives the activation, clearing removes it, writes are optimistic.</summary>
public sealed class PersistentStateTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    private static async Task DeactivateAsync(TestSilo silo, EventLog events, ICounterGrain grain)
    {
        await grain.Deactivate().WaitAsync(Safety);
        await events.WaitForAsync($"deactivate:{grain.GetPrimaryKeyString()}:ApplicationRequested");
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(grain.GetGrainId()), "the activation leaves the directory");
    }

    [Fact]
    public async Task Written_state_is_stored_under_the_state_name_and_comes_back_in_a_new_activation()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("kept");

        await grain.SetValue(11).WaitAsync(Safety);

        var stored = await storage.ReadAsync("state", new GrainId("counter", "kept"));
        stored.Should().NotBeNull();
        serializer.Deserialize<CounterState>(stored!.Data).Value.Should().Be(11);
        (await grain.GetEtag().WaitAsync(Safety)).Should().Be(stored.ETag);
        (await grain.GetRecordExists().WaitAsync(Safety)).Should().BeTrue();

        await DeactivateAsync(silo, Events, grain);

        (await grain.GetValue().WaitAsync(Safety)).Should().Be(11);
        Events.Entries.Should().ContainInOrder("activate:kept:0:False", "activate:kept:11:True");
    }

    [Fact]
    public async Task ClearStateAsync_removes_the_record_and_a_new_activation_sees_the_default_state()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("cleared");
        await grain.SetValue(5).WaitAsync(Safety);

        await grain.ClearState().WaitAsync(Safety);

        (await grain.GetRecordExists().WaitAsync(Safety)).Should().BeFalse();
        (await storage.ReadAsync("state", grain.GetGrainId())).Should().BeNull();

        await DeactivateAsync(silo, Events, grain);
        (await grain.GetValue().WaitAsync(Safety)).Should().Be(0);
        (await grain.GetRecordExists().WaitAsync(Safety)).Should().BeFalse();
        Events.Entries[^1].Should().Be("activate:cleared:0:False", "the new activation found no record");
    }

    [Fact]
    public async Task A_write_against_a_stale_etag_fails_with_InconsistentStateException_and_leaves_the_other_writers_data()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("contested");
        await grain.SetValue(1).WaitAsync(Safety);
        var id = grain.GetGrainId();

        // Someone else writes behind the grain's back, with the then-current etag.
        var current = await storage.ReadAsync("state", id);
        var otherEtag = await storage.WriteAsync("state", id, serializer.Serialize(new CounterState { Value = 100, Note = "other writer" }), current!.ETag);

        await FluentActions.Awaiting(() => grain.SetValue(2).WaitAsync(Safety)).Should().ThrowAsync<InconsistentStateException>();

        var stored = await storage.ReadAsync("state", id);
        stored!.ETag.Should().Be(otherEtag);
        var data = serializer.Deserialize<CounterState>(stored.Data);
        data.Value.Should().Be(100);
        data.Note.Should().Be("other writer");
    }

    [Fact]
    public async Task After_an_InconsistentStateException_the_activation_is_dropped_so_the_next_call_reads_the_stored_state_and_its_write_succeeds()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("stale");
        await grain.SetValue(1).WaitAsync(Safety);
        var id = grain.GetGrainId();

        // As when a write was applied but its answer was lost: the store is ahead of the activation's etag.
        var current = await storage.ReadAsync("state", id);
        await storage.WriteAsync("state", id, serializer.Serialize(new CounterState { Value = 100 }), current!.ETag);
        await FluentActions.Awaiting(() => grain.SetValue(2).WaitAsync(Safety)).Should().ThrowAsync<InconsistentStateException>();
        await Eventually.UntilAsync(() => !silo.Runtime.IsActive(id), "the stale activation leaves the directory");

        (await grain.GetValue().WaitAsync(Safety)).Should().Be(100, "a new activation reads what the store holds");
        await grain.SetValue(3).WaitAsync(Safety);
        serializer.Deserialize<CounterState>((await storage.ReadAsync("state", id))!.Data).Value.Should().Be(3);
    }
}
