namespace LiveGrid.Runtime;

/// <summary>Marks a grain interface method whose calls may interleave with any other call
/// (e.g. a read-only status query), while the grain stays single-threaded.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
