using System.Reflection;

namespace LiveGrid.Runtime.Core;

/// <summary>Dispatches a method that returns Task or ValueTask.</summary>
internal sealed class VoidMethodDispatcher(MethodInfo method, Func<object, object?[], Task> invoke, bool isValueTask) : MethodDispatcher(method)
{
    public override object Send(GrainRuntimeCore runtime, GrainId target, GrainClassInfo grainClass, object?[] arguments)
    {
        var task = SendTyped(runtime, target, grainClass, arguments);
        return isValueTask ? new ValueTask(task) : task;
    }

    /// <summary>Typed entry for runtime-internal calls (reminder delivery).</summary>
    public Task SendTyped(GrainRuntimeCore runtime, GrainId target, GrainClassInfo grainClass, object?[] arguments)
    {
        var request = new VoidGrainRequest(runtime, target, this, arguments, AlwaysInterleave || grainClass.IsReentrant, invoke);
        runtime.Send(target, grainClass, request);
        return request.Task;
    }
}
