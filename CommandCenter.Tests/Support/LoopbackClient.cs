using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Tests.Support;

/// <summary>
/// An anonymous HTTP client whose requests come from another loopback address (127.0.0.x), so the rate limiter and the
/// block list, which key on the client address, see a visitor of its own and other tests are not throttled.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient From(CommandCenterFactory app, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = app.ServerAddress };
    }
}
