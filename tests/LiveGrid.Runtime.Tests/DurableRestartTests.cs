using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Tests.Support;
using LiveGrid.Runtime.Tests.TestGrains;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Runtime.Tests;

/// <summary>
/// A full restart of the host on the real durable stores: grain state written before the restart is read by the
/// next host, and a one-shot reminder registered before it fires in the next host when due, then leaves the table.
/// </summary>
public sealed class DurableRestartTests(ITestOutputHelper output) : RuntimeTestBase(output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    public async Task State_and_a_pending_one_shot_reminder_survive_a_full_restart(string provider)
    {
        using var data = new TempDirectory("restart");
        await using var redis = provider == "redis" ? await RedisServer.StartAsync() : null;
        var prefix = redis?.NewKeyPrefix("restart");
        void Storage(IGrainRuntimeBuilder builder)
        {
            if (redis is null)
            {
                builder.AddSqliteStorage(o => o.DataDirectory = data.Path);
            }
            else
            {
                builder.AddRedisStorage(o =>
                {
                    o.ConnectionString = redis.ConnectionString;
                    o.KeyPrefix = prefix!;
                });
            }
        }

        var start = ManualTimeProvider.DefaultStart;
        await using (var first = await StartAsync(Storage, new ManualTimeProvider(start)))
        {
            await first.GrainFactory.GetGrain<ICounterGrain>("durable-counter").SetValue(5).WaitAsync(Safety);
            await first.GrainFactory.GetGrain<IReminderGrain>("durable").Register("deadline", TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan).WaitAsync(Safety);
        }

        // The next host starts 30 s later on the same store: nothing of the first host's memory is left.
        await using var second = await StartAsync(Storage, new ManualTimeProvider(start.AddSeconds(30)));
        second.Runtime.ReminderCount.Should().Be(1, "the reminder row was read back from {0}", provider);
        (await second.GrainFactory.GetGrain<ICounterGrain>("durable-counter").GetValue().WaitAsync(Safety)).Should().Be(5);
        Events.Count("reminder:durable:deadline").Should().Be(0);

        await second.Time.WaitForTimerDueByAsync(start.AddMinutes(1)).WaitAsync(Safety);
        second.Time.Advance(TimeSpan.FromSeconds(30));

        await Events.WaitForAsync("reminder:durable:deadline");
        var table = second.Services.GetRequiredService<IReminderTable>();
        var grainId = second.GrainFactory.GetGrain<IReminderGrain>("durable").GetGrainId();
        await Eventually.UntilAsync(
            async () => await table.ReadAsync(grainId, "deadline") is null,
            "the delivered one-shot reminder is removed from the durable table");
    }

    private async Task<TestSilo> StartAsync(Action<IGrainRuntimeBuilder> storage, ManualTimeProvider time) =>
        await TestSilo.StartAsync(typeof(RuntimeTestBase).Assembly, options =>
        {
            options.Time = time;
            options.ConfigureRuntimeBuilder = storage;
            options.ConfigureServices = s => s.AddSingleton(Probe);
            options.ConfigureRuntime = o =>
            {
                o.CollectionAge = TimeSpan.FromHours(2);
                o.CallTimeout = TimeSpan.FromHours(2);
            };
        });
}
