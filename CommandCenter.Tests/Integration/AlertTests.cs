using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Alerts;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Features.Alerts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Integration;

/// <summary>An alert reaches the person it is for — on the hub and in their list — nobody else, and only they acknowledge it.</summary>
[Collection(CityCollection.Name)]
public sealed class AlertTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task An_alert_for_a_department_reaches_its_handlers_only_and_is_acknowledged_by_them()
    {
        var water = await ApiClient.SignInAsync(App, "handler-water");
        var sanitation = await ApiClient.SignInAsync(App, "handler");
        var pushed = new ConcurrentQueue<JsonElement>();
        var others = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(water.Token)).Build();
        hub.On<JsonElement>("alertRaised", m => pushed.Enqueue(m));
        await using var otherHub = new HubConnectionBuilder().WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(sanitation.Token)).Build();
        otherHub.On<JsonElement>("alertRaised", m => others.Enqueue(m));
        await hub.StartJoinedAsync();
        await otherHub.StartJoinedAsync();

        Guid id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
            var alert = new NewAlert("supervision", AlertAudience.Department("water"), "test:water-main", "Supervised", "202612010001");
            id = (await alerts.RaiseAsync(alert)).Id;
            Assert.Equal(id, (await alerts.RaiseAsync(alert)).Id); // the same condition stands once
        }

        var received = await Eventually.HoldsAsync(() => Task.FromResult(pushed.ToList()), l => l.Count > 0, "alertRaised for the water handlers");
        Assert.Equal(id.ToString(), received[0].GetProperty("id").GetString());
        Assert.Equal("dept:water", received[0].GetProperty("to").GetString());
        await Task.Delay(300);
        Assert.Single(pushed);
        Assert.Empty(others);

        Assert.Contains((await water.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await sanitation.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await sanitation.Http.PostAsync($"/api/alerts/{id}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await water.Http.PostAsync($"/api/alerts/{id}/ack", null)).StatusCode);
        Assert.DoesNotContain((await water.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        // Leaders see every alert, acknowledged ones too.
        var all = await (await ApiClient.SignInAsync(App, "leader")).Http.GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.Equal("handler-water", all.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id).GetProperty("acknowledgedBy").GetString());
    }
}
