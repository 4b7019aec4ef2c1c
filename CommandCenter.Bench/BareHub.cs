using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Bench;

/// <summary>
/// <c>CommandCenter.Bench bare-hub --port N</c>: P1's anchor, run as its own process. Kestrel with one SignalR hub and
/// one endpoint: <c>POST /broadcast</c> sends the posted JSON as <c>caseChanged</c> to every connected client and
/// answers when SignalR has queued it, as a server that does nothing but push would.
/// </summary>
public static class BareHub
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<PushHub>("/hubs/ops");
        app.MapPost("/broadcast", async (HttpRequest request, IHubContext<PushHub> hub) =>
        {
            var payload = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            await hub.Clients.All.SendAsync("caseChanged", payload);
            return Results.Accepted();
        });
        app.MapGet("/health", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }

    /// <summary>A hub that only pushes.</summary>
    public sealed class PushHub : Hub;
}
