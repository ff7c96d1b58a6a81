using LiveGrid.Runtime;

namespace LiveGrid.Grains.Boards;

/// <summary>
/// The live board of a community, street or district (key: its territory code) or of the whole city (key
/// <see cref="CityKey"/>). Children report their boards (grid → community → street → district → city); the area sums
/// them and reports itself to its parent. Nothing scans grains: the board
/// is rebuilt on activation by asking its own children, and after that only follows their reports.
/// </summary>
public interface IAreaBoardGrain : IGrainWithStringKey
{
    public const string CityKey = "city";

    /// <summary>A child's current board; ignored when older than what the area already has.</summary>
    Task UpdateChild(AreaChild child);

    [AlwaysInterleave]
    Task<AreaBoard> GetBoard();

    /// <summary>This area's board in brief, as its parent wants it.</summary>
    [AlwaysInterleave]
    Task<AreaChild> GetReport();
}
