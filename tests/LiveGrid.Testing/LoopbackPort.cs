using System.Net;
using System.Net.Sockets;

namespace LiveGrid.Testing;

/// <summary>Loopback ports for test servers.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port nothing listens on right now (the OS picked it and it was released again). Another process
    /// may take it before the caller does, so servers started on it should retry on "address in use".
    /// </summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
