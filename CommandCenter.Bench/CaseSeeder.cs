using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.Bench;

/// <summary>
/// Gives the wall something to draw: open cases reported through the API by several grid members,
/// each inside their own duty grid, so the map shows clusters and single markers across the city.
/// </summary>
public static class CaseSeeder
{
    public const int Target = 50;
    private const int Members = 10;
    private const string Password = "Demo#2026";

    /// <summary>Reports cases until at least <see cref="Target"/> are open; returns how many are open.</summary>
    public static async Task<int> EnsureOpenCasesAsync(Uri baseUri, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var first = await SignInAsync(http, "gridmember", ct);
        var open = await OpenCaseCountAsync(http, first, ct);
        if (open >= Target)
        {
            return open;
        }

        using var gridsDoc = JsonDocument.Parse(await http.GetStringAsync("api/grids", ct));
        var grids = gridsDoc.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var random = new Random(2026);
        var missing = Target - open;
        for (var m = 0; m < Members && missing > 0; m++)
        {
            var user = m == 0 ? "gridmember" : $"gridmember-{m + 1}";
            var token = m == 0 ? first : await SignInAsync(http, user, ct);
            var dutyGrid = (await GetAsync(http, token, "api/me", ct)).GetProperty("dutyGridCode").GetString();
            // Field reports need a photo of the scene: one real (tiny) PNG per member, shown with each of their cases.
            var photo = await UploadPhotoAsync(http, token, ct);
            var own = grids.Where(g => g.GetProperty("properties").GetProperty("dutyGrid").GetString() == dutyGrid).ToArray();
            // Share the missing cases out evenly over the members still to come.
            var quota = (missing + (Members - m) - 1) / (Members - m);
            for (var i = 0; i < quota && own.Length > 0; i++)
            {
                if (InteriorPoints.Inside(own[i % own.Length].GetProperty("geometry"), random) is not { } point)
                {
                    continue;
                }
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/cases")
                {
                    Content = JsonContent.Create(new
                    {
                        lon = point.Lon, lat = point.Lat, category = "20102", source = "patrol",
                        description = $"基准测试: 暴露垃圾 #{open + 1} (CommandCenter.Bench)", photoIds = new[] { photo },
                    }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"POST /api/cases as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
                open++;
                missing--;
            }
        }
        return await OpenCaseCountAsync(http, first, ct);
    }

    /// <summary>A valid 1×1 PNG, checked by content like any photo.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<Guid> UploadPhotoAsync(HttpClient http, string token, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "scene.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/photos") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/photos: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    // The map's own query: every open case, as the wall will draw them.
    private static async Task<int> OpenCaseCountAsync(HttpClient http, string token, CancellationToken ct) =>
        (await GetAsync(http, token, "api/map/cases", ct)).GetProperty("features").GetArrayLength();

    private static async Task<string> SignInAsync(HttpClient http, string user, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username = user, password = Password }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string token, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
