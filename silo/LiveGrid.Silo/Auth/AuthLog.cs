namespace LiveGrid.Silo.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator {UserName} from LiveGrid:Auth:BootstrapAdmin")]
    public static partial void BootstrapAdminCreated(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo users: {Created} created ({UserNames}); the password is LiveGrid:Auth:DemoPassword")]
    public static partial void DemoUsersCreated(ILogger logger, int created, string userNames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create the administrator from LiveGrid:Auth:BootstrapAdmin yet; trying again")]
    public static partial void BootstrapAdminFailed(ILogger logger, Exception exception);
}
