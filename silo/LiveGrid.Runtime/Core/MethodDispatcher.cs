using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// How to call one grain interface method: a compiled delegate that invokes it on the grain, and how to turn
/// the caller's promise into the method's return type. Built once per method and cached, so a call costs a
/// dictionary lookup, not reflection.
/// </summary>
internal abstract class MethodDispatcher
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodDispatcher> Cache = new();

    protected MethodDispatcher(MethodInfo method)
    {
        Method = method;
        DisplayName = $"{method.DeclaringType?.Name}.{method.Name}";
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
    }

    public MethodInfo Method { get; }

    public string DisplayName { get; }

    public bool AlwaysInterleave { get; }

    /// <summary>Sends the call and returns what the interface method returns (Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;).</summary>
    public abstract object Send(GrainRuntimeCore runtime, GrainId target, GrainClassInfo grainClass, object?[] arguments);

    public static MethodDispatcher For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    private static MethodDispatcher Create(MethodInfo method)
    {
        Validate(method);
        var returnType = method.ReturnType;
        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return new VoidMethodDispatcher(method, CompileInvoker<Task>(method), isValueTask: returnType == typeof(ValueTask));
        }

        var resultType = returnType.GetGenericArguments()[0];
        var dispatcherType = typeof(ValueMethodDispatcher<>).MakeGenericType(resultType);
        var invoker = typeof(MethodDispatcher).GetMethod(nameof(CompileInvoker), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(Task<>).MakeGenericType(resultType))
            .Invoke(null, [method]);
        return (MethodDispatcher)Activator.CreateInstance(dispatcherType, method, invoker, returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))!;
    }

    private static void Validate(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var asyncReturn = returnType == typeof(Task) || returnType == typeof(ValueTask)
            || (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)));
        if (!asyncReturn)
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        if (method.IsGenericMethodDefinition)
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} is generic; grain methods cannot be.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} has a ref/out parameter; grain methods cannot.");
        }
    }

    /// <summary>(grain, args) => ((IFoo)grain).Method((T0)args[0], ...), normalised to a Task.</summary>
    private static Func<object, object?[], TTask> CompileInvoker<TTask>(MethodInfo method)
        where TTask : Task
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (call.Type == typeof(ValueTask) || (call.Type.IsGenericType && call.Type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            call = Expression.Call(call, call.Type.GetMethod(nameof(ValueTask.AsTask))!);
        }

        if (call.Type != typeof(TTask))
        {
            call = Expression.Convert(call, typeof(TTask));
        }

        return Expression.Lambda<Func<object, object?[], TTask>>(call, grain, args).Compile();
    }
}
