namespace LiveGrid.Silo.Api.Common;

/// <summary>A request body that names who acts; the actor is checked against the signed-in user before anything runs.</summary>
public interface IActorRequest
{
    ActorRequest? Actor { get; }
}
