using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Inspections;

/// <summary>A test city whose clock starts on Monday 2026-03-02 07:00 Shanghai time, with helpers for patrols of grid 1.</summary>
public abstract class InspectionTestBase : IAsyncLifetime
{
    protected static readonly TicketActor W1a = new("w1a", ActorRole.GridWorker, "张1");
    protected static readonly TicketActor W1c = new("w1c", ActorRole.GridWorker, "王1");
    protected static readonly TicketActor Inspector = new("i1", ActorRole.Inspector, "核查员");
    protected static readonly TicketActor Dispatcher = new("d1", ActorRole.Dispatcher, "派单员");

    protected TestSilo Silo { get; private set; } = null!;

    protected EventTap Events { get; private set; } = null!;

    protected virtual DateTimeOffset Start => ShanghaiTime.At("2026-03-02 07:00");

    public async Task InitializeAsync()
    {
        Silo = await TestCity.StartSiloAsync(Start);
        Events = new EventTap(Silo);
    }

    public async Task DisposeAsync()
    {
        Events.Dispose();
        await Silo.DisposeAsync();
    }

    /// <summary>Moves the clock to a Shanghai wall time and returns that instant.</summary>
    protected DateTimeOffset Now(string local)
    {
        var at = ShanghaiTime.At(local);
        Silo.Time.AdvanceTo(at);
        return at;
    }

    protected IInspectionGrain Inspection(string id) => Silo.GrainFactory.GetGrain<IInspectionGrain>(id);

    protected IWorkerGrain Worker(string id) => Silo.GrainFactory.GetGrain<IWorkerGrain>(id);

    /// <summary>The morning patrol of grid 1 by w1a, 08:00-12:00, with two checkpoints.</summary>
    protected static InspectionPlan MorningPatrol(string worker = "w1a") => new()
    {
        Kind = InspectionKind.Patrol,
        GridCode = TestCity.Grid1,
        WorkerId = worker,
        WindowStart = ShanghaiTime.At("2026-03-02 08:00"),
        WindowEnd = ShanghaiTime.At("2026-03-02 12:00"),
        Checkpoints = ["东门", "3号楼"],
        Shift = "早班",
    };

    protected async Task<IInspectionGrain> ScheduledAsync(string id, InspectionPlan? plan = null)
    {
        var grain = Inspection(id);
        var result = await grain.Schedule(plan ?? MorningPatrol());
        result.Applied.Should().BeTrue(result.Error);
        return grain;
    }

    protected async Task<IInspectionGrain> StartedAsync(string id, string at = "2026-03-02 08:30")
    {
        var grain = await ScheduledAsync(id);
        var (lon, lat) = TestCity.Centre(1);
        var result = await grain.CheckIn(W1a, Now(at), lon, lat);
        result.Applied.Should().BeTrue(result.Error);
        return grain;
    }
}
