using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Auth;
using Xunit;

namespace LiveGrid.Silo.Tests.Auth;

public sealed class ActorBindingRuleTests
{
    private static LiveGridUser User(string name, string role, string? worker = null, string? unit = null) =>
        new(name, new HashSet<string> { role }, worker, unit);

    public static TheoryData<string, string, string?, string?, string, ActorRole, bool> Cases() => new()
    {
        // user, role, worker, unit, actor id, actor part, allowed
        { "li", LiveGridRoles.Operator, null, null, "li", ActorRole.HotlineOperator, true },
        { "li", LiveGridRoles.Operator, null, null, "li", ActorRole.Dispatcher, true },
        { "li", LiveGridRoles.Operator, null, null, "wang", ActorRole.Dispatcher, false },
        { "li", LiveGridRoles.Operator, null, null, "li", ActorRole.CommandCenter, false },
        { "zhao", LiveGridRoles.CommandCenter, null, null, "zhao", ActorRole.CommandCenter, true },
        { "zhao", LiveGridRoles.CommandCenter, null, null, "zhao", ActorRole.Dispatcher, false },
        { "chen", LiveGridRoles.GridWorker, "w1a", null, "w1a", ActorRole.GridWorker, true },
        { "chen", LiveGridRoles.GridWorker, "w1a", null, "w1a", ActorRole.Inspector, true },
        { "chen", LiveGridRoles.GridWorker, "w1a", null, "chen", ActorRole.GridWorker, false },
        { "chen", LiveGridRoles.GridWorker, "w1a", null, "w1b", ActorRole.GridWorker, false },
        { "chen", LiveGridRoles.GridWorker, null, null, "chen", ActorRole.GridWorker, false },
        { "sun", LiveGridRoles.UnitHandler, null, "dept:szss", "dept:szss", ActorRole.UnitHandler, true },
        { "sun", LiveGridRoles.UnitHandler, null, "dept:szss", "sun", ActorRole.UnitHandler, true },
        { "sun", LiveGridRoles.UnitHandler, null, "dept:szss", "dept:cgzf", ActorRole.UnitHandler, false },
        { "qian", LiveGridRoles.Assessor, null, null, "qian", ActorRole.HotlineOperator, false },
        { "root", LiveGridRoles.Administrator, null, null, "w9z", ActorRole.GridWorker, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_user_acts_only_as_themselves(string name, string role, string? worker, string? unit, string id, ActorRole part, bool allowed)
    {
        var refusal = ActorBinding.Refuse(User(name, role, worker, unit), new ActorRequest(id, part, "某人"));
        if (allowed)
        {
            refusal.Should().BeNull();
        }
        else
        {
            refusal.Should().NotBeNull().And.Contain($"'{id}'");
        }
    }

    [Fact]
    public void A_missing_actor_is_left_to_validation()
    {
        ActorBinding.Refuse(User("li", LiveGridRoles.Operator), null).Should().BeNull();
        ActorBinding.Refuse(User("li", LiveGridRoles.Operator), new ActorRequest(null, ActorRole.Dispatcher, "x")).Should().BeNull();
        ActorBinding.Refuse(User("li", LiveGridRoles.Operator), new ActorRequest("x", null, "x")).Should().BeNull();
    }
}
