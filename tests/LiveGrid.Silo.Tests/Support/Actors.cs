using System.Net.Http.Json;
using System.Text.Json;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>The people the API tests act as, in the JSON shape the API takes.</summary>
internal static class Actors
{
    public static object Operator { get; } = new { id = "op1", role = "HotlineOperator", name = "话务员小王" };

    public static object Dispatcher { get; } = new { id = "ds1", role = "Dispatcher", name = "派单员老李" };

    public static object Worker(string id) => new { id, role = "GridWorker", name = $"网格员{id}" };

    public static object CommandCenter { get; } = new { id = "cc1", role = "CommandCenter", name = "指挥中心" };

    /// <summary>The signed-in user of <paramref name="client"/> as the actor in <paramref name="role"/> (a user may act only as themselves).</summary>
    public static async Task<object> SignedInAsync(HttpClient client, string role)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var id = me.GetProperty("userName").GetString()!;
        return new { id, role, name = id };
    }
}
