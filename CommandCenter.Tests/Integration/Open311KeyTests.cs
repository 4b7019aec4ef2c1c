using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Citizen;
using CommandCenter.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>Open311 API keys: issued and revoked by an admin, kept hashed, changes logged; the demo key is refused in Production.</summary>
[Collection(CityCollection.Name)]
public sealed class Open311KeyTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task An_admin_issues_a_named_key_shown_once_and_stored_only_as_its_hash_and_revokes_it()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var issued = await admin.Http.PostAsJsonAsync("/api/admin/open311-keys", new { name = "市民通 App" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        Assert.StartsWith("o311_", key);
        Assert.Equal(key[^4..], body.GetProperty("hint").GetString());

        var listed = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/open311-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal("市民通 App", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, await admin.Http.GetStringAsync("/api/admin/open311-keys"));

        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand("SELECT key_hash FROM open311_keys WHERE id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            Assert.Equal(Open311Keys.Hash(key), (string)(await cmd.ExecuteScalarAsync())!);
            Assert.Equal(64, Open311Keys.Hash(key).Length);
        }
        await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM open311_keys WHERE key_hash = @k OR name = @k", conn))
        {
            cmd.Parameters.AddWithValue("k", key);
            Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/admin/open311-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.DeleteAsync($"/api/admin/open311-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.DeleteAsync($"/api/admin/open311-keys/{Guid.NewGuid()}")).StatusCode);
        await using (var cmd = new NpgsqlCommand("SELECT string_agg(action, ',' ORDER BY seq) FROM changes WHERE topic = 'open311-key' AND entity_id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", id.ToString());
            Assert.Equal("created,revoked", (string)(await cmd.ExecuteScalarAsync())!);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PostAsJsonAsync("/api/admin/open311-keys", new { name = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "intake")).Http.GetAsync("/api/admin/open311-keys")).StatusCode);
    }

    [Fact]
    public async Task The_demo_key_is_seeded_for_development_and_refused_when_the_app_runs_in_production()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var development = services.GetRequiredService<Open311Keys>();
        Assert.NotNull(await development.VerifyAsync(Open311Keys.DemoKey));

        var production = new Open311Keys(services.GetRequiredService<CommandCenterDb>(), services.GetRequiredService<CommandCenter.Domain.Geography.CityClock>(),
            services.GetRequiredService<ChangeFollower>(), new Environment("Production"));
        Assert.Null(await production.VerifyAsync(Open311Keys.DemoKey));
        Assert.Null(await production.VerifyAsync("  "));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CommandCenter.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
