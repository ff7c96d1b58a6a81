namespace LiveGrid.Silo.Tests.Auth;

/// <summary>
/// One row family of the role matrix: a request and the users allowed to make it (everyone else must get 403).
/// Bodies of writes are deliberately incomplete, so an allowed call reaches the endpoint and is refused there with
/// 400 without changing anything, while a forbidden one is stopped with 403 before it.
/// </summary>
public sealed record AccessCase(string Name, HttpMethod Method, string Path, string? Body, IReadOnlySet<string> Allowed, string? Ticket = null)
{
    public override string ToString() => Name;
}
