using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Tests.Support;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// 综合评价 over a generated slice of history (about 3,250 cases over 13 months up to 1 December 2026): the scores add up
/// to what the audit trail says, grades follow the admin's bands, and the practice figures are the raw counts.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class EvaluationTests(CommandCenterFactory app) : CityTest(app)
{
    private const string November = "2026-11";
    // November 2026 in Nanjing, as instants.
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public override async Task InitializeAsync() => await HistorySlice.LoadAsync(App);

    [Fact]
    public async Task Department_and_street_totals_reconcile_with_the_raw_events_of_the_month()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var departments = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/departments?month={November}"));
        Assert.Equal(10, departments.Count);
        var dispatched = await ScalarAsync("""
            SELECT count(*) FROM (SELECT DISTINCT case_id, department FROM case_events
                WHERE action IN ('dispatch', 'approve-return') AND at >= @from AND at < @to) d
            """);
        Assert.True(dispatched > 100, $"only {dispatched} dispatches in November");
        Assert.Equal(dispatched, departments.Sum(r => r.GetProperty("filed").GetInt64()));
        // Handled: each of those (case, department) pairs with a 处置反馈 by the same department, at any time.
        var handled = await ScalarAsync("""
            SELECT count(*) FROM (SELECT DISTINCT d.case_id, d.department FROM case_events d
                JOIN case_events h ON h.case_id = d.case_id AND h.action = 'handle' AND h.department = d.department
                WHERE d.action IN ('dispatch', 'approve-return') AND d.at >= @from AND d.at < @to) x
            """);
        Assert.Equal(handled, departments.Sum(r => r.GetProperty("handled").GetInt64()));

        var streets = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/subdistricts?month={November}"));
        Assert.Equal(5, streets.Count);
        var filed = await ScalarAsync("SELECT count(DISTINCT case_id) FROM case_events WHERE action = 'file' AND at >= @from AND at < @to");
        Assert.Equal(filed, streets.Sum(r => r.GetProperty("filed").GetInt64()));
        var closed = await ScalarAsync("""
            SELECT count(*) FROM cases c WHERE c.state = 'closed'
              AND (SELECT min(at) FROM case_events e WHERE e.case_id = c.id AND e.action = 'file') >= @from
              AND (SELECT min(at) FROM case_events e WHERE e.case_id = c.id AND e.action = 'file') < @to
            """);
        Assert.Equal(closed, streets.Sum(r => r.GetProperty("closed").GetInt64()));
        // Each rate is its counts' quotient: 结案率 = closed ÷ due.
        foreach (var r in streets.Where(r => r.GetProperty("due").GetInt64() > 0))
        {
            Assert.Equal(Math.Round(100.0 * r.GetProperty("closed").GetInt64() / r.GetProperty("due").GetInt64(), 1), r.GetProperty("closingRate").GetDouble());
        }

        // Positions: every intake acceptance of the month is some clerk's.
        var positions = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/positions?month={November}"));
        var accepted = await ScalarAsync("SELECT count(*) FROM case_events WHERE action = 'accept' AND at >= @from AND at < @to");
        Assert.Equal(accepted, positions.Where(r => r.GetProperty("role").GetString() == "intake").Sum(r => r.GetProperty("accepted").GetInt64()));
        Assert.Contains(positions, r => r.GetProperty("role").GetString() == "gridmember" && r.GetProperty("grade").ValueKind == JsonValueKind.String);
        var chiefs = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/chiefs?month={November}"));
        Assert.NotEmpty(chiefs);
    }

    [Fact]
    public async Task Grades_follow_the_admins_bands_and_change_when_the_admin_moves_them()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var before = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/communities?month={November}"));
        var scale = new GradeScale();
        var graded = before.Where(r => r.GetProperty("composite").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(graded);
        foreach (var r in graded)
        {
            Assert.Equal(scale.GradeOf(r.GetProperty("composite").GetDouble()).Letter(), r.GetProperty("grade").GetString());
        }

        var admin = await ApiClient.SignInAsync(App, "admin");
        var settings = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/evaluation");
        // 示例值 until an admin saves settings (another test may have done so already).
        var saved = await ScalarAsync("SELECT count(*) FROM changes WHERE topic = 'evaluation'") > 0;
        Assert.Equal(!saved, settings.GetProperty("sample").GetBoolean());
        var strict = EvaluationSettings.Defaults with { GradeScale = new GradeScale { A = 99.5, B = 99, C = 98.5, D = 98 } };
        var refused = await admin.Http.PutAsJsonAsync("/api/admin/evaluation", strict with { GradeScale = new GradeScale { A = 50, B = 60, C = 40, D = 30 } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var forbidden = await leader.Http.PutAsJsonAsync("/api/admin/evaluation", strict);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/evaluation", strict)).StatusCode);
            var after = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/communities?month={November}"));
            foreach (var r in after.Where(r => r.GetProperty("composite").ValueKind == JsonValueKind.Number))
            {
                Assert.Equal(strict.GradeScale.GradeOf(r.GetProperty("composite").GetDouble()).Letter(), r.GetProperty("grade").GetString());
            }
            Assert.Contains(after, r => r.GetProperty("grade").GetString() == "E");
            await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM changes WHERE topic = 'evaluation' AND actor = 'admin'", connection);
            Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
        }
        finally
        {
            await admin.Http.PutAsJsonAsync("/api/admin/evaluation", EvaluationSettings.Defaults);
        }
    }

    [Fact]
    public async Task A_finished_months_red_and_black_lists_are_published_on_first_showing_and_stay_as_published()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var published = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/redblack?month={November}");
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM red_black_snapshots WHERE month = DATE '2026-11-01'"));
        var listed = published.GetProperty("lists")[0] is var departments
            ? departments.GetProperty("red").EnumerateArray().Concat(departments.GetProperty("black").EnumerateArray()).ToList() : [];
        Assert.NotEmpty(listed);

        // The admin tightens the bands afterwards: the live table grades the same department anew, the published list does not.
        var admin = await ApiClient.SignInAsync(App, "admin");
        var strict = EvaluationSettings.Defaults with { GradeScale = new GradeScale { A = 99.5, B = 99, C = 98.5, D = 98 } };
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/evaluation", strict)).StatusCode);
            var live = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/departments?month={November}"))
                .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("grade").GetString());
            Assert.Contains(listed, u => live[u.GetProperty("code").GetString()!] != u.GetProperty("grade").GetString());
            var again = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/redblack?month={November}");
            Assert.Equal(published.GetProperty("lists").GetRawText(), again.GetProperty("lists").GetRawText());
            Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM red_black_snapshots"));
        }
        finally
        {
            await admin.Http.PutAsJsonAsync("/api/admin/evaluation", EvaluationSettings.Defaults);
        }
    }

    [Fact]
    public async Task The_721_ratio_the_on_the_spot_share_and_satisfaction_are_the_counts_of_the_month()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var practices = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/practices?month={November}");
        var r721 = practices.GetProperty("resolution721");
        foreach (var tag in new[] { "service", "management", "enforcement" })
        {
            var raw = await ScalarAsync($"""
                SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE e.action IN ('close', 'approve-self-handled') AND e.at >= @from AND e.at < @to AND c.resolution = '{tag}'
                """);
            Assert.Equal(raw, r721.GetProperty(tag).GetProperty("count").GetInt64());
        }
        var total = r721.GetProperty("total").GetInt64();
        Assert.Equal(Math.Round(100.0 * r721.GetProperty("service").GetProperty("count").GetInt64() / total, 6),
            Math.Round(r721.GetProperty("service").GetProperty("share").GetDouble(), 6));

        var funnel = practices.GetProperty("funnel");
        var found = await ScalarAsync("SELECT count(*) FROM case_events WHERE action = 'report' AND source IN ('patrol', 'roaddirector') AND at >= @from AND at < @to");
        var onTheSpot = await ScalarAsync("""
            SELECT count(*) FROM case_events r WHERE r.action = 'report' AND r.source IN ('patrol', 'roaddirector') AND r.at >= @from AND r.at < @to
              AND EXISTS (SELECT 1 FROM case_events a WHERE a.case_id = r.case_id AND a.action = 'approve-self-handled')
            """);
        Assert.Equal(found, funnel.GetProperty("found").GetInt64());
        Assert.Equal(onTheSpot, funnel.GetProperty("fixedOnTheSpot").GetInt64());
        // The generator aims at 荆门's 39 % (50,051 of 128,391); one month of a small slice lands near it.
        Assert.InRange(funnel.GetProperty("onTheSpotRate").GetDouble(), 25, 55);

        var answered = await ScalarAsync("SELECT count(*) FROM cases WHERE satisfaction IS NOT NULL AND satisfaction_at >= @from AND satisfaction_at < @to");
        Assert.Equal(answered, practices.GetProperty("satisfaction").GetProperty("answered").GetInt64());
    }

    [Fact]
    public async Task The_history_keeps_numbers_counters_and_the_live_feed_consistent()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        // Every day's counter is at least its highest case number, so the next live case continues after the history.
        await using (var cmd = new NpgsqlCommand("""
            SELECT count(*) FROM (SELECT left(number, 8) AS day, max(substr(number, 9)::int) AS last FROM cases GROUP BY 1) n
            LEFT JOIN case_number_counters k ON to_char(k.day, 'YYYYMMDD') = n.day WHERE k.last IS NULL OR k.last < n.last
            """, connection))
        {
            Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
        }
        // History events are numbered below zero, oldest first: the live feed never replays them.
        var leader = await ApiClient.SignInAsync(App, "leader");
        var live = await leader.Http.GetFromJsonAsync<JsonElement>("/api/events?after=0");
        Assert.Equal(0, live.GetArrayLength());
        await using (var cmd = new NpgsqlCommand("SELECT bool_and(seq < 0), bool_and(ordered) FROM (SELECT seq, at >= lag(at, 1, at) OVER (ORDER BY seq) AS ordered FROM case_events) e", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.True(reader.GetBoolean(0));
            Assert.True(reader.GetBoolean(1));
        }
        // A live case reported now gets the next number of today after the history's.
        var member = await ApiClient.SignInAsync(App, "gridmember-5");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat)).Content.ReadFromJsonAsync<JsonElement>();
        await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM cases WHERE number = @n", connection))
        {
            cmd.Parameters.AddWithValue("n", created.GetProperty("number").GetString()!);
            Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task The_excel_file_of_a_scope_holds_the_rows_the_api_gives()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var rows = Rows(await leader.Http.GetFromJsonAsync<JsonElement>($"/api/evaluation/departments?month={November}"));
        var bytes = await leader.Http.GetByteArrayAsync($"/api/evaluation/departments?month={November}&format=xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(rows.Count + 1, sheet.LastRowUsed().RowNumber());
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetProperty("code").GetString(), sheet.Cell(i + 2, 1).GetString());
            Assert.Equal(rows[i].GetProperty("filed").GetInt64(), (long)sheet.Cell(i + 2, 3).GetDouble());
        }
        var csv = await leader.Http.GetStringAsync($"/api/evaluation/departments?month={November}&format=csv");
        Assert.Equal(rows.Count + 2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static List<JsonElement> Rows(JsonElement response) => response.GetProperty("rows").EnumerateArray().ToList();

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("from", From.ToUniversalTime());
        cmd.Parameters.AddWithValue("to", To.ToUniversalTime());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
