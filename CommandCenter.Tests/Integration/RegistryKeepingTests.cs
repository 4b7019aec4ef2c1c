using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Keeping the vendor and merchant registers through the API: leaders and admins correct entries under the same rules as
/// registering them (a stall held by someone else is refused), everyone else is refused, and correcting a shop without a
/// phone keeps the number on file.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class RegistryKeepingTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_leader_corrects_a_vendor_but_not_onto_a_stall_another_vendor_holds_and_a_handler_may_not_at_all()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var admin = await ApiClient.SignInAsync(App, "admin");
        var handler = await ApiClient.SignInAsync(App, "handler");
        var zoneId = await SecondZoneWithVendorsAsync(leader);
        var vendors = (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{zoneId}/vendors")).EnumerateArray().ToList();
        var (first, second) = (vendors[0], vendors[1]);
        var id = first.GetProperty("id").GetString()!;
        object Body(string stall) => new
        {
            stallNumber = stall, name = "更正后摊主", phone = "13800001111", goods = first.GetProperty("goods").GetString(),
            licence = first.GetProperty("licence").GetString(),
        };

        var taken = await leader.Http.PutAsJsonAsync($"/api/vendors/{id}", Body(second.GetProperty("stallNumber").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("stallNumber", out _));

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.Http.PutAsJsonAsync($"/api/vendors/{id}", Body("99"))).StatusCode);

        // Keeping its own stall is no collision.
        var kept = await leader.Http.PutAsJsonAsync($"/api/vendors/{id}", Body(first.GetProperty("stallNumber").GetString()!));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var saved = await kept.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("更正后摊主", saved.GetProperty("name").GetString());
        Assert.Equal("138****1111", saved.GetProperty("phone").GetString());
        Assert.Equal("13800001111", (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/vendors/{id}")).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Correcting_a_shop_without_a_phone_keeps_its_number_and_an_empty_shop_name_is_refused_by_field()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var merchant = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S081/merchants"))[0];
        var id = merchant.GetProperty("id").GetString()!;
        var masked = merchant.GetProperty("phone").GetString();

        var empty = await leader.Http.PutAsJsonAsync($"/api/merchants/{id}", new { shopName = " ", licence = "92320102MA00000001" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("shopName", out _));

        var renamed = await leader.Http.PutAsJsonAsync($"/api/merchants/{id}", new { shopName = "更名后的小店", licence = merchant.GetProperty("licence").GetString(), address = "测试路1号" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/merchants/{id}")).GetProperty("merchant");
        Assert.Equal("更名后的小店", after.GetProperty("shopName").GetString());
        Assert.Equal("测试路1号", after.GetProperty("address").GetString());
        Assert.Equal(masked, after.GetProperty("phone").GetString());
    }

    /// <summary>A zone with at least two registered vendors other than the first such zone (which intake tests name) and the last (the browser test's).</summary>
    private static async Task<string> SecondZoneWithVendorsAsync(ApiClient api)
    {
        var zones = await api.Http.GetFromJsonAsync<JsonElement>("/api/zones");
        var found = 0;
        foreach (var id in zones.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetString()!))
        {
            if ((await api.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{id}/vendors")).GetArrayLength() >= 2 && ++found == 2)
            {
                return id;
            }
        }
        throw new InvalidOperationException("fewer than two zones have two registered vendors");
    }
}
