using System.Text.Json;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Domain.Cases;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Live;

/// <summary>
/// Pushes what the follower read to the SignalR clients allowed to see it: case events to their scope groups. Behind a
/// Redis backplane only the elected instance pushes (<see cref="HubLeadership"/>), or every client would hear each event once per instance.
/// </summary>
public sealed class HubBroadcaster(IHubContext<OpsHub> hub, HubLeadership leadership, ILogger<HubBroadcaster> logger)
{
    public async Task CaseChangedAsync(CaseChangedMessage message)
    {
        if (!leadership.Publishing)
        {
            return;
        }
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
        if (!leadership.Publishing)
        {
            return;
        }
        try
        {
            if (message.Topic == ChangeTopics.Alert && message.After is { } json)
            {
                // Alerts go to the people they are for only: the recipient address is a hub group.
                var alert = JsonSerializer.Deserialize<JsonElement>(json);
                var method = message.Action switch { "raised" => "alertRaised", "cleared" or "handed-over" => "alertCleared", _ => "alertAcknowledged" };
                await hub.Clients.Group(alert.GetProperty("recipient").GetString()!).SendAsync(method, new
                {
                    id = message.EntityId, kind = alert.GetProperty("kind").GetString(), to = alert.GetProperty("recipient").GetString(),
                    caseId = alert.GetProperty("caseId").ValueKind == JsonValueKind.Null ? null : alert.GetProperty("caseId").GetString(),
                    kioskId = alert.GetProperty("kioskId").ValueKind == JsonValueKind.Null ? null : alert.GetProperty("kioskId").GetString(),
                    item = alert.GetProperty("item").ValueKind == JsonValueKind.Null ? null : alert.GetProperty("item").GetString(),
                });
                return;
            }
            if (message.Topic == ChangeTopics.Patrol && message.After is { } patrol)
            {
                // Road directors' positions go to the city-wide screens (wall, map): patrolMoved for points, patrolChanged for moves.
                var body = JsonSerializer.Deserialize<JsonElement>(patrol);
                await hub.Clients.Group(ReadScope.City.GroupName).SendAsync(message.Action == "moved" ? "patrolMoved" : "patrolChanged", body);
                return;
            }
            var name = message.Topic switch
            {
                ChangeTopics.Zone => "zoneChanged",
                ChangeTopics.Kiosk => "kioskChanged",
                ChangeTopics.IntakeBlock => "intakeBlockChanged",
                ChangeTopics.Open311Key => "open311KeyChanged",
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
