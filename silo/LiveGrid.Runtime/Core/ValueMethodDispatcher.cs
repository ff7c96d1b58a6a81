using System.Reflection;

namespace LiveGrid.Runtime.Core;

/// <summary>Dispatches a method that returns Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
internal sealed class ValueMethodDispatcher<TResult>(MethodInfo method, Func<object, object?[], Task<TResult>> invoke, bool isValueTask) : MethodDispatcher(method)
{
    public override object Send(GrainRuntimeCore runtime, GrainId target, GrainClassInfo grainClass, object?[] arguments)
    {
        var request = new GrainRequest<TResult>(runtime, target, this, arguments, AlwaysInterleave || grainClass.IsReentrant, invoke);
        runtime.Send(target, grainClass, request);
        return isValueTask ? new ValueTask<TResult>(request.Task) : request.Task;
    }
}
