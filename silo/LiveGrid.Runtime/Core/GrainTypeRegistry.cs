using System.Reflection;
using LiveGrid.Runtime.Reminders;

namespace LiveGrid.Runtime.Core;

/// <summary>Maps grain interfaces and grain type names to grain classes. Built once at start-up from the
/// assemblies given to <see cref="Hosting.IGrainRuntimeBuilder.AddGrains"/>.</summary>
internal sealed class GrainTypeRegistry
{
    private static readonly HashSet<Type> FrameworkInterfaces =
        [typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey), typeof(IGrainWithIntegerKey), typeof(IRemindable)];

    private readonly Dictionary<Type, GrainClassInfo> _byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !type.IsClass || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var info = new GrainClassInfo(type);
            if (!_byTypeName.TryAdd(info.TypeName, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byTypeName[info.TypeName].ClassType.FullName} and {type.FullName} share the type name '{info.TypeName}'. Give one a [GrainType].");
            }

            foreach (var contract in type.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && !FrameworkInterfaces.Contains(i)))
            {
                if (!_byInterface.TryAdd(contract, info))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {contract.Name} is implemented by both {_byInterface[contract].ClassType.Name} and {type.Name}.");
                }
            }
        }
    }

    public IReadOnlyCollection<GrainClassInfo> Classes => _byTypeName.Values;

    public GrainClassInfo ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException(
                $"No grain class implements {grainInterface.Name}. Register its assembly with AddGrains(assembly).");

    public GrainClassInfo? ForTypeName(string typeName) => _byTypeName.GetValueOrDefault(typeName);
}
