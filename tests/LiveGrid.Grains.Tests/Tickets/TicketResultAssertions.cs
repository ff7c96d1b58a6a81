using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>Asserts which way an Apply went and hands back the part the test reads next, with the result in the failure text.</summary>
internal static class TicketResultAssertions
{
    public static TicketTransition ShouldBeApplied(this TicketResult result, string because = "")
    {
        result.IsApplied.Should().BeTrue($"the action should have been applied{Suffix(because)}, but: {result}");
        return result.Transition!;
    }

    public static TicketRejection ShouldBeRejected(this TicketResult result, TicketRejectionReason reason, string because = "")
    {
        result.IsApplied.Should().BeFalse($"the action should have been rejected{Suffix(because)}, but: {result}");
        result.Rejection!.Reason.Should().Be(reason, result.Rejection.Message);
        return result.Rejection;
    }

    private static string Suffix(string because) => because.Length == 0 ? "" : $" ({because})";
}
