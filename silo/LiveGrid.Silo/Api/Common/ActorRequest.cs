using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Api.Common;

/// <summary>Who acts, as the client says it: kept in the audit trail.</summary>
public sealed record ActorRequest(string? Id, ActorRole? Role, string? Name)
{
    /// <summary>Adds "actor.id"-style errors for what is missing; the actor when complete.</summary>
    public static TicketActor? Validate(ActorRequest? actor, ValidationErrors errors)
    {
        if (actor is null)
        {
            errors.Add("actor", "the actor {id, role, name} is required");
            return null;
        }

        errors.Required(actor.Id, "actor.id");
        errors.Required(actor.Name, "actor.name");
        if (actor.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add("actor.role", $"the actor's role is required: one of {string.Join(", ", Enum.GetNames<ActorRole>())}");
        }

        return errors.Has("actor.id", "actor.name", "actor.role")
            ? null
            : new TicketActor(actor.Id!.Trim(), actor.Role!.Value, actor.Name!.Trim());
    }
}
