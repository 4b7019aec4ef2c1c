using System.Text.Json;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Admin;

/// <summary>The admin's edits of the rules, shared by the admin API and the admin page; each one refreshes the cached rules.</summary>
public sealed class RulesAdministration(CommandCenterDb db, CaseRulesProvider rules)
{
    public async Task SaveStepLimitsAsync(IReadOnlyDictionary<string, StepLimitsJson.LimitDto> limits, CancellationToken ct = default)
    {
        await UpsertSettingAsync(CaseRulesProvider.StepLimitsKey, JsonSerializer.Serialize(limits, JsonSerializerOptions.Web), ct);
        rules.Invalidate();
    }

    /// <summary>Sets a category's handling limit (no longer a sample value); false when there is no such category.</summary>
    public async Task<bool> SetCategoryLimitAsync(string code, double value, string unit, CancellationToken ct = default)
    {
        var category = await db.Categories.FindAsync([code], ct);
        if (category is null)
        {
            return false;
        }
        category.LimitValue = value;
        category.LimitUnit = unit;
        category.Sample = false;
        await db.SaveChangesAsync(ct);
        rules.Invalidate();
        return true;
    }

    public async Task SetCalendarDayAsync(DateOnly date, string kind, string? name, CancellationToken ct = default)
    {
        var day = await db.CalendarDays.FindAsync([date], ct);
        if (day is null)
        {
            db.CalendarDays.Add(new CalendarDayRow { Date = date, Kind = kind, Name = name });
        }
        else
        {
            day.Kind = kind;
            day.Name = name;
        }
        await db.SaveChangesAsync(ct);
        rules.Invalidate();
    }

    /// <summary>False when the date was not in the calendar.</summary>
    public async Task<bool> RemoveCalendarDayAsync(DateOnly date, CancellationToken ct = default)
    {
        var removed = await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(ct);
        rules.Invalidate();
        return removed > 0;
    }

    private async Task UpsertSettingAsync(string key, string json, CancellationToken ct)
    {
        var row = await db.Settings.FindAsync([key], ct);
        if (row is null)
        {
            db.Settings.Add(new SettingRow { Key = key, Json = json });
        }
        else
        {
            row.Json = json;
        }
        await db.SaveChangesAsync(ct);
    }
}
