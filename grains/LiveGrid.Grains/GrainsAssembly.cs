using System.Reflection;

namespace LiveGrid.Grains;

/// <summary>Points the runtime at this assembly, so the host can register every grain in it.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
