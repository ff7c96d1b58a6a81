using System.Reflection;
using LiveGrid.Runtime.State;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// What the runtime knows about one grain class: its stable type name, whether it is reentrant, and how to
/// construct it (constructor parameters from DI, <see cref="IPersistentState{TState}"/> parameters bound to the activation).
/// </summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly ConstructorInfo _constructor;
    private readonly Func<ActivationData, IServiceProvider, object?>[] _arguments;

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>(inherit: false)?.Name ?? DefaultTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType.Name} has no public constructor.");
        _arguments = [.. _constructor.GetParameters().Select(BindParameter)];
    }

    public Type ClassType { get; }

    /// <summary>The stable name used in grain ids and storage keys.</summary>
    public string TypeName { get; }

    public bool IsReentrant { get; }

    public Grain CreateInstance(ActivationData activation, IServiceProvider services)
    {
        var values = new object?[_arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _arguments[i](activation, services);
        }

        return (Grain)_constructor.Invoke(values);
    }

    private Func<ActivationData, IServiceProvider, object?> BindParameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IPersistentState<>))
        {
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>()
                ?? throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {ClassType.Name} is an IPersistentState<> without [PersistentState(\"name\")].");
            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0]);
            object?[] stateArguments = [attribute.StateName, attribute.StorageName];
            return (activation, _) => create.Invoke(activation, stateArguments);
        }

        if (type == typeof(IGrainContext))
        {
            return static (activation, _) => activation;
        }

        return (_, services) => services.GetRequiredService(type);
    }

    private static string DefaultTypeName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
