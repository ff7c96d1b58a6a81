namespace LiveGrid.Silo.Tests.Support;

/// <summary>The people the API tests act as, in the JSON shape the API takes.</summary>
internal static class Actors
{
    public static object Operator { get; } = new { id = "op1", role = "HotlineOperator", name = "话务员小王" };

    public static object Dispatcher { get; } = new { id = "ds1", role = "Dispatcher", name = "派单员老李" };

    public static object Worker(string id) => new { id, role = "GridWorker", name = $"网格员{id}" };

    public static object CommandCenter { get; } = new { id = "cc1", role = "CommandCenter", name = "指挥中心" };
}
