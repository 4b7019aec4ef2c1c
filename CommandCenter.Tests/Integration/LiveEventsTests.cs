using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Integration;

/// <summary>Every transition is pushed on /hubs/ops in order; a client that was away catches up through /api/events.</summary>
[Collection(CityCollection.Name)]
public sealed class LiveEventsTests(CommandCenterFactory app) : CityTest(app)
{
    private sealed record CaseChanged(long Seq, Guid CaseId, string Number, string Status, string Category, double Lon, double Lat,
        string GridCode, string? Department, DateTimeOffset? Deadline, bool Overdue, string Action, string ActorRole, DateTimeOffset At);

    [Fact]
    public async Task A_signalr_client_receives_every_case_change_in_order_and_catches_up_after_a_disconnect()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-8");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        var watcher = await ApiClient.SignInAsync(App, "leader");

        var received = new ConcurrentQueue<CaseChanged>();
        await using var hub = Connect(watcher.Token, received);
        await hub.StartJoinedAsync();

        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await intake.ActOkAsync(id, "accept");
        await shiftLead.ActOkAsync(id, "file");
        await dispatcher.ActOkAsync(id, "dispatch", new { department = "sanitation" });

        var mine = await WaitForAsync(received, id, 4);
        Assert.Equal(["report", "accept", "file", "dispatch"], mine.Select(m => m.Action));
        Assert.Equal(["reported", "pending-filing", "filed", "dispatched"], mine.Select(m => m.Status));
        Assert.Equal(mine.Select(m => m.Seq).Order(), mine.Select(m => m.Seq));
        var dispatched = mine[^1];
        Assert.Equal("sanitation", dispatched.Department);
        Assert.Equal("dispatcher", dispatched.ActorRole);
        Assert.Equal("20102", dispatched.Category);
        Assert.InRange(dispatched.Lon, lon - 1e-9, lon + 1e-9);
        Assert.Matches("^[0-9]{15}$", dispatched.GridCode);
        Assert.NotNull(dispatched.Deadline);
        Assert.False(dispatched.Overdue);
        var all = received.ToList();
        Assert.Equal(all.Select(m => m.Seq).Order(), all.Select(m => m.Seq)); // the whole stream is in order too

        // The screen drops off; the case moves on meanwhile.
        var lastSeen = all.Max(m => m.Seq);
        await hub.StopAsync();
        var handler = await ApiClient.SignInAsync(App, "handler");
        await handler.ActOkAsync(id, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        await intake.ActOkAsync(id, "send-check");

        // Back online: whatever happened after the last event seen comes from /api/events, in order, nothing missed.
        var missed = (await watcher.Http.GetFromJsonAsync<List<CaseChanged>>($"/api/events?after={lastSeen}"))!;
        Assert.Equal(["handle", "send-check"], missed.Where(m => m.CaseId == id).Select(m => m.Action));
        Assert.All(missed, m => Assert.True(m.Seq > lastSeen));
        Assert.Equal(missed.Select(m => m.Seq).Order(), missed.Select(m => m.Seq));
        Assert.Equal("checking", missed[^1].Status);

        // And the live stream resumes after the reconnect.
        await using var again = Connect(watcher.Token, received);
        await again.StartJoinedAsync();
        await member.ActOkAsync(id, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        var resumed = await WaitForAsync(received, id, 5);
        Assert.Equal("check-pass", resumed[^1].Action);
        Assert.True(resumed[^1].Seq > missed[^1].Seq);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients()
    {
        var negotiate = await App.CreateClient().PostAsync("/hubs/ops/negotiate?negotiateVersion=1", null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, negotiate.StatusCode);
        var watcher = await ApiClient.SignInAsync(App, "leader");
        var signedIn = await App.CreateClient().PostAsync($"/hubs/ops/negotiate?negotiateVersion=1&access_token={watcher.Token}", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, signedIn.StatusCode);
    }

    private HubConnection Connect(string token, ConcurrentQueue<CaseChanged> into)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<CaseChanged>("caseChanged", m => into.Enqueue(m));
        return hub;
    }

    private static async Task<List<CaseChanged>> WaitForAsync(ConcurrentQueue<CaseChanged> received, Guid caseId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var mine = received.Where(m => m.CaseId == caseId).ToList();
            if (mine.Count >= count)
            {
                return mine;
            }
            await Task.Delay(50);
        }
        return received.Where(m => m.CaseId == caseId).ToList();
    }
}
