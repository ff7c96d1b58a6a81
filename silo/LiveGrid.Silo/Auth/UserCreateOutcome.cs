namespace LiveGrid.Silo.Auth;

public enum UserCreateOutcome
{
    Created,

    /// <summary>A user of that name exists already; nothing changed.</summary>
    Exists,

    /// <summary>The request is not valid; the errors say why.</summary>
    Invalid,
}
