namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>One route of the host as its endpoint data source lists it: the pattern, one method, its route parameters.</summary>
internal sealed record FuzzEndpoint(string Pattern, string Method, IReadOnlyList<string> Parameters)
{
    /// <summary>Methods that may change state: a refused one must leave everything as it was.</summary>
    public bool Mutates => Method is not ("GET" or "HEAD" or "OPTIONS");

    public override string ToString() => $"{Method} {Pattern}";
}
