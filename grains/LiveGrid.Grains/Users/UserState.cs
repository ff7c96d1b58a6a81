namespace LiveGrid.Grains.Users;

/// <summary>What a <see cref="UserGrain"/> keeps durable.</summary>
public sealed class UserState
{
    public UserAccount? Account { get; set; }
}
