using Microsoft.AspNetCore.SignalR.Client;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>An HTTP client signed in as one demo user with a bearer token, as a field device would be.</summary>
public sealed class ApiClient
{
    public const string Password = "Demo#2026";

    private ApiClient(HttpClient http, string user, string token)
    {
        Http = http;
        User = user;
        Token = token;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Http { get; }
    public string User { get; }
    public string Token { get; }

    public static async Task<ApiClient> SignInAsync(CommandCenterFactory app, string user)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password = Password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {user} failed: {response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return new ApiClient(app.CreateClient(), user, token);
    }

    /// <summary>Signs in against an app running as its own process (another instance on the same database).</summary>
    public static async Task<ApiClient> SignInAsync(Uri server, string user)
    {
        using var http = new HttpClient { BaseAddress = server };
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password = Password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {user} at {server} failed: {response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return new ApiClient(new HttpClient { BaseAddress = server }, user, token);
    }

    /// <summary>A SignalR client of <c>/hubs/ops</c> for this user, collecting every <c>caseChanged</c>.</summary>
    public Microsoft.AspNetCore.SignalR.Client.HubConnection Hub(Uri server, System.Collections.Concurrent.ConcurrentQueue<JsonElement> into)
    {
        var hub = new Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(Token))
            .Build();
        hub.On<JsonElement>("caseChanged", m => into.Enqueue(m));
        return hub;
    }

    public async Task<JsonElement> MeAsync() => await Http.GetFromJsonAsync<JsonElement>("/api/me");

    /// <summary>Reports a case with a photo of the scene (uploaded here unless given); returns the response.</summary>
    public async Task<HttpResponseMessage> ReportAsync(double lon, double lat, string category = "20102", string source = "patrol", string description = "路边暴露垃圾一堆", Guid[]? photos = null) =>
        await Http.PostAsJsonAsync("/api/cases", new { lon, lat, category, description, source, photoIds = photos ?? [await UploadPhotoAsync()] });

    public Task<HttpResponseMessage> ActAsync(Guid caseId, string action, object? body = null) =>
        Http.PostAsJsonAsync($"/api/cases/{caseId}/actions/{action}", body ?? new { });

    /// <summary>Acts and asserts success; returns the case detail after the action.</summary>
    public async Task<JsonElement> ActOkAsync(Guid caseId, string action, object? body = null)
    {
        var response = await ActAsync(caseId, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{User} {action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> CaseAsync(Guid id) => await Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

    /// <summary>Uploads a tiny real PNG and returns its id.</summary>
    public async Task<Guid> UploadPhotoAsync()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "scene.png");
        var response = await Http.PostAsync("/api/photos", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A point inside this user's own duty grid (grid members).</summary>
    public async Task<(double Lon, double Lat)> PointInOwnDutyGridAsync() =>
        await PointInDutyGridAsync((await MeAsync()).GetProperty("dutyGridCode").GetString()!);

    /// <summary>A point inside the given duty grid (PostGIS picks a point on its first unit grid's surface).</summary>
    public static async Task<(double Lon, double Lat)> PointInDutyGridAsync(string dutyGrid, int nth = 0)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM unit_grids WHERE duty_grid_code = @d ORDER BY code OFFSET @n LIMIT 1) s", conn);
        cmd.Parameters.AddWithValue("d", dutyGrid);
        cmd.Parameters.AddWithValue("n", nth);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no unit grid in duty grid {dutyGrid}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
