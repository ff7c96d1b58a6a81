namespace LiveGrid.Silo.Hosting;

/// <summary>A default listening address that every usual way of choosing one still overrides.</summary>
public static class UrlDefaults
{
    public static WebApplicationBuilder UseUrlUnlessConfigured(this WebApplicationBuilder builder, string url)
    {
        // ASPNETCORE_URLS and --urls both land in "urls"; ASPNETCORE_HTTP_PORTS (container images) in "http_ports".
        string[] keys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        var configured = keys.Any(key => !string.IsNullOrWhiteSpace(builder.Configuration[key]))
            || builder.Configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
