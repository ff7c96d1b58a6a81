namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>A record argument and result, to show calls carry more than primitives.</summary>
public sealed record Computation(int Input, int Output, string ComputedBy);
