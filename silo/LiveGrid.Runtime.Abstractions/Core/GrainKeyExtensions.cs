namespace LiveGrid.Runtime;

/// <summary>Key accessors that work on a grain and on a grain reference alike, as in Orleans.</summary>
public static class GrainKeyExtensions
{
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        Grain g => g.GrainId,
        IGrainReference r => r.GrainId,
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IGrain grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IGrain grain) => Guid.Parse(grain.GetGrainId().Key);

    public static long GetPrimaryKeyLong(this IGrain grain) =>
        long.Parse(grain.GetGrainId().Key, System.Globalization.CultureInfo.InvariantCulture);
}
