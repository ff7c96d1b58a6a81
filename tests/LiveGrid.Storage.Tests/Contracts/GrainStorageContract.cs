using LiveGrid.Runtime;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Storage;
using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>
/// What every <see cref="IGrainStorage"/> must do. One subclass per provider runs every fact against it;
/// each test gets a fresh, empty store (its own file, key prefix or instance).
/// </summary>
public abstract class GrainStorageContract : ProviderContract<IGrainStorage>
{
    protected const string StateName = "state";

    protected static readonly GrainId Grid = new("grid", "朝阳区-网格-001");

    protected IGrainStorage Storage => Provider;

    /// <summary>A new provider instance over this test's store: every call sees the same data.</summary>
    protected abstract IGrainStorage CreateStorage();

    protected sealed override IGrainStorage CreateProvider() => CreateStorage();

    protected IGrainStorage OpenStorage() => Open();

    [Fact]
    public async Task Read_of_a_missing_record_returns_null()
    {
        (await Storage.ReadAsync(StateName, Grid)).Should().BeNull();
    }

    [Fact]
    public async Task Write_new_then_read_returns_the_bytes_and_the_etag()
    {
        var etag = await Storage.WriteAsync(StateName, Grid, Bytes("{\"open\":3}"), expectedEtag: null);

        var stored = await Storage.ReadAsync(StateName, Grid);

        etag.Should().NotBeNullOrEmpty();
        stored.Should().NotBeNull();
        stored!.Data.Should().Equal(Bytes("{\"open\":3}"));
        stored.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Write_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        var first = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);

        var second = await Storage.WriteAsync(StateName, Grid, Bytes("v2"), first);

        second.Should().NotBe(first);
        var stored = await Storage.ReadAsync(StateName, Grid);
        stored!.Data.Should().Equal(Bytes("v2"));
        stored.ETag.Should().Be(second);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_and_changes_nothing()
    {
        var stale = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);
        var current = await Storage.WriteAsync(StateName, Grid, Bytes("v2"), stale);

        var write = () => Storage.WriteAsync(StateName, Grid, Bytes("lost update"), stale);

        var thrown = await write.Should().ThrowAsync<InconsistentStateException>();
        thrown.Which.StoredEtag.Should().Be(current);
        thrown.Which.CurrentEtag.Should().Be(stale);
        var stored = await Storage.ReadAsync(StateName, Grid);
        stored!.Data.Should().Equal(Bytes("v2"));
        stored.ETag.Should().Be(current);
    }

    [Fact]
    public async Task Write_with_null_etag_when_a_record_exists_is_rejected()
    {
        var current = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);

        var write = () => Storage.WriteAsync(StateName, Grid, Bytes("blind overwrite"), null);

        var thrown = await write.Should().ThrowAsync<InconsistentStateException>();
        thrown.Which.StoredEtag.Should().Be(current);
        thrown.Which.CurrentEtag.Should().BeNull();
        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal(Bytes("v1"));
    }

    [Fact]
    public async Task Write_with_an_etag_when_no_record_exists_is_rejected()
    {
        var write = () => Storage.WriteAsync(StateName, Grid, Bytes("v1"), "42");

        var thrown = await write.Should().ThrowAsync<InconsistentStateException>();
        thrown.Which.StoredEtag.Should().BeNull();
        thrown.Which.CurrentEtag.Should().Be("42");
        (await Storage.ReadAsync(StateName, Grid)).Should().BeNull();
    }

    [Fact]
    public async Task Clear_with_the_current_etag_removes_the_record()
    {
        var etag = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);

        await Storage.ClearAsync(StateName, Grid, etag);

        (await Storage.ReadAsync(StateName, Grid)).Should().BeNull();
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_keeps_the_data()
    {
        var stale = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);
        var current = await Storage.WriteAsync(StateName, Grid, Bytes("v2"), stale);

        var clear = () => Storage.ClearAsync(StateName, Grid, stale);

        var thrown = await clear.Should().ThrowAsync<InconsistentStateException>();
        thrown.Which.StoredEtag.Should().Be(current);
        var stored = await Storage.ReadAsync(StateName, Grid);
        stored!.Data.Should().Equal(Bytes("v2"));
        stored.ETag.Should().Be(current);
    }

    [Fact]
    public async Task Clear_with_null_etag_is_a_no_op_when_missing_and_rejected_when_present()
    {
        await Storage.ClearAsync(StateName, Grid, null);
        (await Storage.ReadAsync(StateName, Grid)).Should().BeNull();

        var current = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);
        var clear = () => Storage.ClearAsync(StateName, Grid, null);

        (await clear.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().Be(current);
        (await Storage.ReadAsync(StateName, Grid))!.ETag.Should().Be(current);
    }

    [Fact]
    public async Task Clear_with_an_etag_when_no_record_exists_is_rejected()
    {
        var clear = () => Storage.ClearAsync(StateName, Grid, "42");

        (await clear.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().BeNull();
    }

    [Fact]
    public async Task Clear_then_write_new_works_and_never_reuses_an_etag()
    {
        var seen = new List<string>();
        var etag = await Storage.WriteAsync(StateName, Grid, Bytes("v1"), null);
        seen.Add(etag);
        etag = await Storage.WriteAsync(StateName, Grid, Bytes("v2"), etag);
        seen.Add(etag);
        await Storage.ClearAsync(StateName, Grid, etag);

        var fresh = await Storage.WriteAsync(StateName, Grid, Bytes("v3"), null);

        seen.Should().NotContain(fresh, "an old holder of a previous ETag must not be able to overwrite the new record");
        var stored = await Storage.ReadAsync(StateName, Grid);
        stored!.Data.Should().Equal(Bytes("v3"));
        var staleWrite = () => Storage.WriteAsync(StateName, Grid, Bytes("ghost"), seen[1]);
        await staleWrite.Should().ThrowAsync<InconsistentStateException>();
    }

    [Fact]
    public async Task Records_are_isolated_by_state_name_grain_type_and_grain_key()
    {
        // Neighbours that a careless key layout would merge: separators inside names, prefixes, Chinese text.
        var records = new (string State, GrainId Id)[]
        {
            ("state", new GrainId("grid", "朝阳区-网格-001")),
            ("state", new GrainId("grid", "朝阳区-网格-002")),
            ("other", new GrainId("grid", "朝阳区-网格-001")),
            ("state", new GrainId("ticket", "朝阳区-网格-001")),
            ("state", new GrainId("grid", "a/b")),
            ("state", new GrainId("grid/a", "b")),
            ("state", new GrainId("grid", "a:b")),
            ("state", new GrainId("grid:a", "b")),
            ("state:grid", new GrainId("a", "b")),
            ("state", new GrainId("grid", "a%3Ab")),
            ("state", new GrainId("grid", "a")),
            ("state", new GrainId("grid", "A")),
            ("state", new GrainId("grid", "a ")),
        };

        foreach (var (state, id) in records)
        {
            await Storage.WriteAsync(state, id, Bytes($"{state}|{id.Type}|{id.Key}"), null);
        }

        foreach (var (state, id) in records)
        {
            var stored = await Storage.ReadAsync(state, id);
            stored.Should().NotBeNull($"{state} {id} was written");
            System.Text.Encoding.UTF8.GetString(stored!.Data).Should().Be($"{state}|{id.Type}|{id.Key}");
        }

        (await Storage.ReadAsync("state", new GrainId("grid", "朝阳区-网格-003"))).Should().BeNull();
        (await Storage.ReadAsync("STATE", new GrainId("grid", "a"))).Should().BeNull();
    }

    [Fact]
    public async Task Data_is_binary_safe_for_every_byte_value()
    {
        var allBytes = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();

        await Storage.WriteAsync(StateName, Grid, allBytes, null);

        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal(allBytes);
    }

    [Fact]
    public async Task An_empty_payload_is_a_record_not_a_missing_one()
    {
        var etag = await Storage.WriteAsync(StateName, Grid, ReadOnlyMemory<byte>.Empty, null);

        var stored = await Storage.ReadAsync(StateName, Grid);

        stored.Should().NotBeNull();
        stored!.Data.Should().BeEmpty();
        stored.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task A_one_megabyte_payload_round_trips()
    {
        var payload = RandomBytes(1024 * 1024, seed: 7);

        var etag = await Storage.WriteAsync(StateName, Grid, payload, null);
        var replaced = RandomBytes(1024 * 1024, seed: 8);
        await Storage.WriteAsync(StateName, Grid, replaced, etag);

        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal(replaced);
    }

    [Fact]
    public async Task Write_takes_a_copy_of_the_caller_buffer_and_read_hands_out_a_copy()
    {
        var buffer = Bytes("original");
        await Storage.WriteAsync(StateName, Grid, buffer, null);
        buffer[0] = (byte)'X';

        var first = await Storage.ReadAsync(StateName, Grid);
        first!.Data[1] = (byte)'Y';

        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal(Bytes("original"));
    }

    [Fact]
    public async Task Of_200_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        var start = await Storage.WriteAsync(StateName, Grid, Bytes("start"), null);

        var attempts = Enumerable.Range(0, 200)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    return (Writer: i, Etag: (string?)await Storage.WriteAsync(StateName, Grid, Bytes($"writer {i}"), start), Conflict: (InconsistentStateException?)null);
                }
                catch (InconsistentStateException conflict)
                {
                    return (Writer: i, Etag: (string?)null, Conflict: conflict);
                }
            }))
            .ToList();
        var outcomes = await Task.WhenAll(attempts).WaitAsync(Patience);

        var winners = outcomes.Where(o => o.Etag is not null).ToList();
        winners.Should().ContainSingle();
        var winner = winners[0];
        outcomes.Where(o => o.Conflict is not null).Should().HaveCount(199)
            .And.OnlyContain(o => o.Conflict!.StoredEtag == winner.Etag && o.Conflict.CurrentEtag == start);
        var stored = await Storage.ReadAsync(StateName, Grid);
        stored!.ETag.Should().Be(winner.Etag);
        stored.Data.Should().Equal(Bytes($"writer {winner.Writer}"));
    }

    [Fact]
    public async Task Two_racing_first_writes_to_one_key_leave_exactly_one_record()
    {
        var first = Task.Run(() => Storage.WriteAsync(StateName, Grid, Bytes("a"), null));
        var second = Task.Run(() => Storage.WriteAsync(StateName, Grid, Bytes("b"), null));

        var results = await Task.WhenAll(Settle(first), Settle(second)).WaitAsync(Patience);

        results.Count(r => r.Etag is not null).Should().Be(1);
        var (winnerEtag, winnerData) = results[0].Etag is not null ? (results[0].Etag, "a") : (results[1].Etag, "b");
        results.Single(r => r.Etag is null).Conflict!.StoredEtag.Should().Be(winnerEtag);
        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal(Bytes(winnerData));
    }

    [Fact]
    public async Task Health_check_reports_healthy_with_a_description()
    {
        var health = await Storage.CheckHealthAsync();

        health.Healthy.Should().BeTrue(health.Description);
        health.Provider.Should().Be(Storage.ProviderName);
        health.Description.Should().NotBeNullOrWhiteSpace();
        health.Latency.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(Patience);
    }

    private static async Task<(string? Etag, InconsistentStateException? Conflict)> Settle(Task<string> write)
    {
        try
        {
            return (await write, null);
        }
        catch (InconsistentStateException conflict)
        {
            return (null, conflict);
        }
    }
}
