namespace LiveGrid.Runtime;

/// <summary>Names a grain class's type in grain ids and in storage. Defaults to the class name
/// without a trailing "Grain", lower-cased (TicketGrain → "ticket"). Keep it stable: stored state is keyed by it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
