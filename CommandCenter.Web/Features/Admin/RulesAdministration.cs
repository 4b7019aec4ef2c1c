using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Rules;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Admin;

/// <summary>
/// The admin's edits of the rules, shared by the admin API and the admin page: each is checked here, saved with its
/// change-log row, and returns once this instance's follower has reloaded the rules (other instances follow the log).
/// Nothing is saved when a check fails.
/// </summary>
public sealed class RulesAdministration(CommandCenterDb db, CaseRulesProvider rules, ChangeFollower follower, CityClock clock)
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    /// <summary>Merges the given step limits into the current ones; the refused fields, or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveStepLimitsAsync(IReadOnlyDictionary<string, StepLimitsJson.LimitDto?> limits, string actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        foreach (var (step, limit) in limits)
        {
            if (!StepLimitsJson.Steps.Contains(step))
            {
                errors.Add(new FieldError(step, "UnknownStep", string.Join(", ", StepLimitsJson.Steps)));
                continue;
            }
            errors.AddRange(TimeLimit.Check(step, limit?.Value, limit?.Unit, out _));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var current = StepLimitsJson.ToDto((await rules.CurrentAsync(ct)).Steps);
        var merged = new Dictionary<string, StepLimitsJson.LimitDto>(current);
        foreach (var (step, limit) in limits)
        {
            merged[step] = limit!;
        }
        await UpsertSettingAsync(CaseRulesProvider.StepLimitsKey, System.Text.Json.JsonSerializer.Serialize(merged, System.Text.Json.JsonSerializerOptions.Web));
        await CommitAsync(db.Record(ChangeTopics.Rules, CaseRulesProvider.StepLimitsKey, "updated", actor, clock.UtcNow, current, merged), ct);
        return [];
    }

    /// <summary>Sets a category's handling limit (no longer a sample value); null when there is no such category, else the refused fields.</summary>
    public async Task<IReadOnlyList<FieldError>?> SetCategoryLimitAsync(string code, double? value, string? unit, string actor, CancellationToken ct = default)
    {
        if (TextInput.Check("code", code, 8) is not null)
        {
            return null;
        }
        var category = await db.Categories.FindAsync([code], ct);
        if (category is null)
        {
            return null;
        }
        var errors = TimeLimit.Check("limit", value, unit, out var limit);
        if (errors.Count > 0)
        {
            return errors;
        }
        var before = new { value = category.LimitValue, unit = category.LimitUnit, sample = category.Sample };
        category.LimitValue = limit.Value;
        category.LimitUnit = TimeLimit.UnitSlug(limit.Unit);
        category.Sample = false;
        await CommitAsync(db.Record(ChangeTopics.Rules, $"category:{code}", "updated", actor, clock.UtcNow, before,
            new { value = category.LimitValue, unit = category.LimitUnit, sample = false }), ct);
        return [];
    }

    public async Task<IReadOnlyList<FieldError>> SetCalendarDayAsync(DateOnly? date, string? kind, string? name, string actor, CancellationToken ct = default)
    {
        var errors = TextInput.Collect(TextInput.Check("name", name, 50));
        if (date is null)
        {
            errors.Add(new FieldError("date", "Required"));
        }
        if (kind is not ("holiday" or "workday"))
        {
            errors.Add(new FieldError("kind", "CalendarKind"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var day = await db.CalendarDays.FindAsync([date!.Value], ct);
        var before = day is null ? null : new { kind = day.Kind, name = day.Name };
        if (day is null)
        {
            db.CalendarDays.Add(new CalendarDayRow { Date = date.Value, Kind = kind!, Name = name?.Trim() });
        }
        else
        {
            day.Kind = kind!;
            day.Name = name?.Trim();
        }
        await CommitAsync(db.Record(ChangeTopics.Calendar, date.Value.ToString("yyyy-MM-dd"), day is null ? "created" : "updated", actor, clock.UtcNow,
            before, new { kind, name }), ct);
        return [];
    }

    /// <summary>False when the date was not in the calendar.</summary>
    public async Task<bool> RemoveCalendarDayAsync(DateOnly date, string actor, CancellationToken ct = default)
    {
        var day = await db.CalendarDays.FindAsync([date], ct);
        if (day is null)
        {
            return false;
        }
        db.CalendarDays.Remove(day);
        await CommitAsync(db.Record(ChangeTopics.Calendar, date.ToString("yyyy-MM-dd"), "retired", actor, clock.UtcNow, new { kind = day.Kind, name = day.Name }), ct);
        return true;
    }

    /// <summary>
    /// Imports one year's holidays and make-up days from a file of the shape of cn-2026.csv (the next year's notice comes
    /// out each November); the year's days are replaced. The refused lines and columns, or none.
    /// </summary>
    public async Task<(IReadOnlyList<FieldError> Errors, int Year, int Days)> ImportCalendarAsync(string text, string actor, CancellationToken ct = default)
    {
        if (!CalendarFile.TryParse(text, out var file, out var errors))
        {
            return (errors, 0, 0);
        }
        var from = new DateOnly(file.Year, 1, 1);
        var to = new DateOnly(file.Year, 12, 31);
        var before = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        db.CalendarDays.RemoveRange(before);
        db.CalendarDays.AddRange(file.Days.Select(d => new CalendarDayRow { Date = d.Date, Kind = d.Kind.Slug(), Name = d.Name }));
        await CommitAsync(db.Record(ChangeTopics.Calendar, file.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "imported", actor, clock.UtcNow,
            before.Select(d => new { date = d.Date, kind = d.Kind, name = d.Name }), file.Days.Select(d => new { date = d.Date, kind = d.Kind.Slug(), name = d.Name })), ct);
        return ([], file.Year, file.Days.Count);
    }

    /// <summary>The working hours of a working day ("08:30-12:00", "14:00-17:30"); the refused windows, or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveWorkingHoursAsync(IReadOnlyList<string?>? windows, string actor, CancellationToken ct = default)
    {
        if (!WorkingHours.TryParse(windows ?? [], out var hours, out var errors))
        {
            return errors;
        }
        var before = (await rules.CurrentAsync(ct)).Clock.Calendar.Hours.Select(h => new DailyWindowText(h).Text).ToArray();
        await UpsertSettingAsync(CaseRulesProvider.WorkingHoursKey, System.Text.Json.JsonSerializer.Serialize(hours.ToText()));
        await CommitAsync(db.Record(ChangeTopics.Calendar, CaseRulesProvider.WorkingHoursKey, "updated", actor, clock.UtcNow, before, hours.ToText()), ct);
        return [];
    }

    /// <summary>Extensions before a leader must decide, 推诿/多次返工 thresholds, duplicate window, 催办/督办 points; the refused fields, or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveWorkflowSettingsAsync(WorkflowSettingsJson.Dto changes, string actor, CancellationToken ct = default)
    {
        var current = (await rules.CurrentAsync(ct)).Settings;
        var merged = WorkflowSettingsJson.Merge(current, changes);
        var errors = merged.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }
        await UpsertSettingAsync(CaseRulesProvider.WorkflowKey, WorkflowSettingsJson.Write(merged));
        await CommitAsync(db.Record(ChangeTopics.Rules, CaseRulesProvider.WorkflowKey, "updated", actor, clock.UtcNow,
            WorkflowSettingsJson.ToDto(current), WorkflowSettingsJson.ToDto(merged)), ct);
        return [];
    }

    private sealed record DailyWindowText((TimeOnly Start, TimeOnly End) Window)
    {
        public string Text => new Domain.Zones.DailyWindow(Window.Start, Window.End).ToString();
    }

    private async Task UpsertSettingAsync(string key, string json)
    {
        var row = await db.Settings.FindAsync(key);
        if (row is null)
        {
            db.Settings.Add(new SettingRow { Key = key, Json = json });
        }
        else
        {
            row.Json = json;
        }
    }

    /// <summary>Saves the edit with its change row, then waits until this instance has reloaded what it caches.</summary>
    private async Task CommitAsync(ChangeRow change, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        follower.Poke();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReloadWait);
        await follower.WaitForChangeAsync(change.Seq, timeout.Token);
    }
}
