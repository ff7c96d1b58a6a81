namespace LiveGrid.Silo.Live;

public enum LiveScopeKind
{
    City,
    Area,
    Grid,
    Worker,
    Ticket,
}
