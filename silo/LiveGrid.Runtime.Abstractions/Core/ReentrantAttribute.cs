namespace LiveGrid.Runtime;

/// <summary>
/// Lets calls to this grain interleave at await points. The grain still runs one piece of code at a
/// time (never on two threads at once); only the turn boundary moves.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
