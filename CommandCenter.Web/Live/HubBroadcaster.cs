using CommandCenter.Web.Data.Changes;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Live;

/// <summary>Pushes what the follower read to the SignalR clients allowed to see it: case events to their scope groups.</summary>
public sealed class HubBroadcaster(IHubContext<OpsHub> hub, ILogger<HubBroadcaster> logger)
{
    public async Task CaseChangedAsync(CaseChangedMessage message)
    {
        try
        {
            await hub.Clients.Groups(message.Groups).SendAsync("caseChanged", message);
        }
        catch (Exception ex)
        {
            // Clients that miss a push catch up through /api/events; the event itself is committed.
            logger.LogWarning(ex, "Could not push case event {Seq}", message.Seq);
        }
    }

    public async Task ChangedAsync(ChangeMessage message)
    {
        try
        {
            var name = message.Topic switch
            {
                ChangeTopics.Zone => "zoneChanged",
                ChangeTopics.Kiosk => "kioskChanged",
                _ => "cityChanged",
            };
            await hub.Clients.All.SendAsync(name, new { seq = message.Seq, topic = message.Topic, id = message.EntityId, action = message.Action });
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push change {Seq}", message.Seq);
        }
    }
}
