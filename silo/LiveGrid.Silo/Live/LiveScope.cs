using System.Diagnostics.CodeAnalysis;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Silo.Live;

/// <summary>A subscription scope: "city", "area:{code}", "grid:{code}", "worker:{id}" or "ticket:{id}".</summary>
public sealed record LiveScope(LiveScopeKind Kind, string Key)
{
    public const string City = "city";

    public static LiveScope CityScope { get; } = new(LiveScopeKind.City, "");

    public string Text => Kind switch
    {
        LiveScopeKind.City => City,
        LiveScopeKind.Area => Area(Key),
        LiveScopeKind.Grid => Grid(Key),
        LiveScopeKind.Worker => Worker(Key),
        _ => Ticket(Key),
    };

    public static string Area(string code) => "area:" + code;

    public static string Grid(string code) => "grid:" + code;

    public static string Worker(string id) => "worker:" + id;

    public static string Ticket(string id) => "ticket:" + id;

    /// <summary>
    /// Reads a scope and checks it against the territory (areas, grids and workers must exist). A ticket's existence
    /// is checked when its snapshot is read.
    /// </summary>
    public static bool TryParse(string? text, CityTerritory territory, [NotNullWhen(true)] out LiveScope? scope, [NotNullWhen(false)] out string? error)
    {
        scope = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "A scope is required: \"city\", \"area:{code}\", \"grid:{code}\", \"worker:{id}\" or \"ticket:{id}\".";
            return false;
        }

        if (text == City)
        {
            scope = CityScope;
            error = null;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon] : text;
        var key = colon > 0 ? text[(colon + 1)..].Trim() : "";
        switch (kind)
        {
            case "area" when TerritoryCode.TryParse(key, out var code)
                && code.Level is TerritoryLevel.District or TerritoryLevel.Street or TerritoryLevel.Community
                && territory.Index.Find(code) is not null:
                scope = new LiveScope(LiveScopeKind.Area, code.Value);
                break;
            case "area":
                error = $"There is no district, street or community \"{key}\" in the territory (scope \"{text}\").";
                return false;
            case "grid" when territory.FindGrid(key) is { } grid:
                scope = new LiveScope(LiveScopeKind.Grid, grid.Code.Value);
                break;
            case "grid":
                error = $"There is no grid \"{key}\" in the territory (scope \"{text}\").";
                return false;
            case "worker" when territory.FindWorker(key) is not null:
                scope = new LiveScope(LiveScopeKind.Worker, key);
                break;
            case "worker":
                error = $"There is no worker \"{key}\" in the territory (scope \"{text}\").";
                return false;
            case "ticket" when key.Length > 0:
                scope = new LiveScope(LiveScopeKind.Ticket, key);
                break;
            default:
                error = $"\"{text}\" is not a scope: use \"city\", \"area:{{code}}\", \"grid:{{code}}\", \"worker:{{id}}\" or \"ticket:{{id}}\".";
                return false;
        }

        error = null;
        return true;
    }
}
