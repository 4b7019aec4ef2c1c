using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Features.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Every role on every read path — lists, detail, search, the map, the event feed, the day's replay, the hub and the wall —
/// sees only what its scope allows: desks and leaders the city, a handler their department, a grid member their duty grid,
/// a street chief the cases linked to them.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class ReadScopeMatrixTests(CommandCenterFactory app) : CityTest(app)
{
    private static readonly string[] CityWide = ["intake", "shiftlead", "dispatcher", "roaddirector", "leader", "admin"];

    [Fact]
    public async Task Each_role_reads_exactly_its_scope_on_every_read_path()
    {
        // Two cases far apart: garbage (市容环卫) in one duty grid, a burst water main (供水) in another.
        var memberA = await ApiClient.SignInAsync(App, "gridmember-40");
        var memberB = await ApiClient.SignInAsync(App, "gridmember-50");
        var readers = new Dictionary<string, ApiClient>();
        foreach (var user in CityWide.Concat(["handler", "handler-water", "gridmember-40", "gridmember-50", "streetchief-S003"]))
        {
            readers[user] = user switch { "gridmember-40" => memberA, "gridmember-50" => memberB, _ => await ApiClient.SignInAsync(App, user) };
        }
        var hubs = new Dictionary<string, ConcurrentQueue<JsonElement>>();
        var connections = new List<Microsoft.AspNetCore.SignalR.Client.HubConnection>();
        foreach (var (user, client) in readers)
        {
            hubs[user] = new ConcurrentQueue<JsonElement>();
            var hub = client.Hub(App.ServerAddress, hubs[user]);
            await hub.StartJoinedAsync();
            connections.Add(hub);
        }
        var after = (await readers["leader"].Http.GetFromJsonAsync<JsonElement>("/api/events/latest")).GetProperty("seq").GetInt64();

        var (lonA, latA) = await memberA.PointInOwnDutyGridAsync();
        var (lonB, latB) = await memberB.PointInOwnDutyGridAsync();
        var a = await (await memberA.ReportAsync(lonA, latA, category: "20102", description: "范围测试: 暴露垃圾")).Content.ReadFromJsonAsync<JsonElement>();
        var b = await (await memberB.ReportAsync(lonB, latB, category: "20402", description: "范围测试: 自来水管破裂")).Content.ReadFromJsonAsync<JsonElement>();
        // A third on a street, reported by its chief: small ads (城管执法), linked to 街长 S003.
        var (lonC, latC) = await CityPlaces.OnStreetAsync("S003");
        var c = await (await readers["streetchief-S003"].ReportAsync(lonC, latC, category: "20201", description: "范围测试: 小广告")).Content.ReadFromJsonAsync<JsonElement>();
        var numberA = a.GetProperty("number").GetString()!;
        var numberB = b.GetProperty("number").GetString()!;
        var numberC = c.GetProperty("number").GetString()!;
        var dutyGridC = c.GetProperty("dutyGrid").GetString();
        Assert.Equal("enforcement", c.GetProperty("department").GetString());
        Assert.Equal("sanitation", a.GetProperty("department").GetString());
        Assert.Equal("water", b.GetProperty("department").GetString());

        var expected = new Dictionary<string, string[]>
        {
            ["handler"] = [numberA], ["handler-water"] = [numberB], ["streetchief-S003"] = [numberC],
            ["gridmember-40"] = [numberA, .. dutyGridC == (await memberA.MeAsync()).GetProperty("dutyGridCode").GetString() ? [numberC] : Array.Empty<string>()],
            ["gridmember-50"] = [numberB, .. dutyGridC == (await memberB.MeAsync()).GetProperty("dutyGridCode").GetString() ? [numberC] : Array.Empty<string>()],
        };
        foreach (var user in CityWide)
        {
            expected[user] = [numberA, numberB, numberC];
        }
        var today = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new Dictionary<string, Guid> { [numberA] = a.GetProperty("id").GetGuid(), [numberB] = b.GetProperty("id").GetGuid(), [numberC] = c.GetProperty("id").GetGuid() };

        foreach (var (user, client) in readers)
        {
            var mine = expected[user].Order().ToArray();
            string[] Ours(IEnumerable<string> numbers) => numbers.Where(n => n == numberA || n == numberB || n == numberC).Order().ToArray();

            var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
            Assert.Equal(mine, Ours(list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()!)));

            foreach (var (number, id) in ids)
            {
                var status = (await client.Http.GetAsync($"/api/cases/{id}")).StatusCode;
                Assert.True(mine.Contains(number) ? status == HttpStatusCode.OK : status == HttpStatusCode.NotFound, $"{user} GET case {number}: {status}");
                var search = (await client.Http.GetAsync($"/api/map/search?q={number}")).StatusCode;
                Assert.True(mine.Contains(number) ? search == HttpStatusCode.OK : search == HttpStatusCode.NotFound, $"{user} search {number}: {search}");
            }

            var map = await client.Http.GetFromJsonAsync<JsonElement>("/api/map/cases");
            Assert.Equal(mine, Ours(map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("number").GetString()!)));

            var events = await client.Http.GetFromJsonAsync<JsonElement>($"/api/events?after={after}");
            Assert.Equal(mine, Ours(events.EnumerateArray().Select(e => e.GetProperty("number").GetString()!)).Distinct().ToArray());

            var day = await client.Http.GetFromJsonAsync<JsonElement>($"/api/events/day?date={today}");
            Assert.Equal(mine, Ours(day.EnumerateArray().Select(e => e.GetProperty("number").GetString()!)).Distinct().ToArray());

            var pushed = await Eventually.HoldsAsync(() => Task.FromResult(Ours(hubs[user].Select(m => m.GetProperty("number").GetString()!)).Distinct().ToArray()),
                p => p.Length >= mine.Length, $"{user}'s pushes");
            await Task.Delay(200);
            Assert.Equal(mine, Ours(hubs[user].Select(m => m.GetProperty("number").GetString()!)).Distinct().ToArray());

            var actor = (await client.MeAsync()) is var me ? ActorOf(me) : null;
            await using var scope = App.Services.CreateAsyncScope();
            var wall = await scope.ServiceProvider.GetRequiredService<WallStatistics>().SnapshotAsync(ReadScope.For(actor!));
            Assert.Equal(mine.Length, wall.Kpis.Reported);
            Assert.Equal(mine.Length, wall.TopGrids.Sum(g => g.Open));
        }
        foreach (var hub in connections)
        {
            await hub.DisposeAsync();
        }
    }

    private static Actor ActorOf(JsonElement me) => new(
        me.GetProperty("username").GetString()!, me.GetProperty("displayName").GetString()!,
        me.GetProperty("roles").EnumerateArray().Select(r => RoleSlugs.TryParse(r.GetString(), out var role) ? role : Role.GridMember).ToHashSet(),
        me.GetProperty("dutyGridCode").GetString(), me.GetProperty("departmentCode").GetString(), me.GetProperty("personId").GetString());
}
