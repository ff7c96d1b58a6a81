namespace LiveGrid.Silo.Auth;

/// <summary>LiveGrid's own claims beside the name and the roles (ClaimTypes.Role).</summary>
public static class LiveGridClaims
{
    /// <summary>The worker id of a grid worker's account.</summary>
    public const string Worker = "livegrid:worker";

    /// <summary>The unit id of a unit handler's account.</summary>
    public const string Unit = "livegrid:unit";
}
