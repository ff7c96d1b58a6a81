namespace LiveGrid.Silo.Tests.Scenario;

/// <summary>A failed step of a <see cref="Timeline"/>, named with its instant so a failure says where in the week it happened.</summary>
internal sealed class TimelineStepException(string message, Exception inner) : Exception(message, inner);
