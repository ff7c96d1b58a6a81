namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>An application exception type of our own, to check the caller gets the very type a grain threw.</summary>
public sealed class TicketRejectedException(string message) : Exception(message);
