using CommandCenter.Domain.Alerts;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Kiosks;
using CommandCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Live;

/// <summary>
/// <c>/hubs/ops</c>: the server pushes <c>caseChanged</c> and the city's changes; clients only listen. Each connection
/// joins the one group of its reader's <see cref="ReadScope"/>, so a handler hears their department and a grid
/// member their duty grid, never the whole city. SignalR answers a client's handshake before this hub has joined its
/// groups, so a push in between reaches no one: the hub says <c>joined</c> once it is in them, and clients catch up
/// through <c>/api/events</c> from then, not from the handshake.
/// </summary>
[Authorize]
public sealed class OpsHub(CommandCenterDb db) : Hub
{
    /// <summary>Sent to a connection once it is in its groups: every later event reaches it live.</summary>
    public const string JoinedMessage = "joined";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.ToActor() is { } signedIn)
        {
            // Kiosk staff on duty now also hear their kiosk's alerts (a check-in later takes effect on the next connection).
            var actor = await db.WithKioskDutyAsync(signedIn);
            // One case-event group (the reader's scope), plus the addresses alerts are sent to.
            foreach (var group in AlertAudience.AddressesOf(actor).Append(ReadScope.For(actor).GroupName).Distinct())
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }
        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(JoinedMessage);
    }
}
