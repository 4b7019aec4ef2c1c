using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Clocks;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>The clock does the watching: on the app's fake clock, 催办 and 督办 fire at their instants, once per level.</summary>
[Collection(CityCollection.Name)]
public sealed class ClockWatcherTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_dispatched_case_is_chased_at_its_warning_points_and_supervised_when_overdue_and_at_twice_its_limit_once_each()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-21");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var clock = dispatched.GetProperty("clock");
        var started = clock.GetProperty("startedAt").GetDateTimeOffset();
        var limit = new TimeLimit(clock.GetProperty("limit").GetDouble(), LimitUnit.WorkingHours);

        // When each threshold is crossed on the city's calendar (08:30–12:00, 14:00–17:30): 50 %, 80 %, overdue, 2×.
        var schedule = ReminderSchedule.For(new SlaClock(new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))),
            started, limit, null, ReminderSettings.Defaults).Crossings;
        Assert.Equal(["chase-1", "chase-2", "supervise-1", "supervise-2"], schedule.Select(c => c.Reminder.Slug));

        foreach (var (crossing, i) in schedule.Select((c, i) => (c, i)))
        {
            // Tokens live 12 hours on the app's clock too: sign in again as the clock moves on.
            // A second before the crossing nothing new happens …
            App.Time.SetUtcNow(crossing.At.AddSeconds(-1));
            var intake = await ApiClient.SignInAsync(App, "intake");
            await Task.Delay(300);
            Assert.Equal(i, Reminders(await intake.CaseAsync(id)).Count);
            // … at the crossing the watcher takes it, as the system, and only once.
            App.Time.SetUtcNow(crossing.At);
            var reminders = await Eventually.HoldsAsync(async () => Reminders(await intake.CaseAsync(id)), r => r.Count == i + 1, $"reminder {crossing.Reminder}");
            var latest = reminders[^1];
            Assert.Equal(crossing.Reminder.Kind == ReminderKind.Chase ? "remind" : "supervise", latest.GetProperty("action").GetString());
            Assert.Equal("system", latest.GetProperty("actorRole").GetString());
            Assert.Equal(crossing.Share, latest.GetProperty("reminderAt").GetDouble());
            // PostgreSQL keeps microseconds; the overdue crossing is one tick past the deadline.
            Assert.InRange(latest.GetProperty("at").GetDateTimeOffset(), crossing.At.AddTicks(-10), crossing.At);
        }

        App.Time.Advance(TimeSpan.FromDays(3));
        await Task.Delay(500);
        var detail = await (await ApiClient.SignInAsync(App, "intake")).CaseAsync(id);
        Assert.Equal(4, Reminders(detail).Count);                                           // nothing fires twice
        Assert.Equal(2, detail.GetProperty("case").GetProperty("supervision").GetInt32()); // the 督办 mark lists show
        Assert.Equal("purple", detail.GetProperty("case").GetProperty("timingLevel").GetString());
    }

    [Fact]
    public async Task A_shelved_case_is_not_chased_while_its_clock_stands_still()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-22");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var intake = await ApiClient.SignInAsync(App, "intake");
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        await intake.ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        await dispatcher.ActOkAsync(id, "dispatch", new { department = "sanitation" });
        await (await ApiClient.SignInAsync(App, "handler")).ActOkAsync(id, "request-shelve", new { note = "需市政配合, 季节性" });
        await dispatcher.ActOkAsync(id, "approve-shelve");

        App.Time.Advance(TimeSpan.FromDays(7));
        await Task.Delay(500);
        Assert.Empty(Reminders(await (await ApiClient.SignInAsync(App, "intake")).CaseAsync(id)));
    }

    private static List<JsonElement> Reminders(JsonElement detail) =>
        detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("actorRole").GetString() == "system").ToList();
}
