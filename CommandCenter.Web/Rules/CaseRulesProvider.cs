using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Rules;

/// <summary>
/// The admin-editable rules the workflow runs on: working calendar, per-step limits, workflow settings and the
/// category table, read from the database once and again whenever the change log says they changed.
/// </summary>
public sealed class CaseRulesProvider(IServiceScopeFactory scopes, CityClock cityClock)
{
    public const string StepLimitsKey = "step-limits";
    public const string WorkingHoursKey = "working-hours";
    public const string WorkflowKey = "workflow";
    public const string LeniencyKey = "leniency";

    private volatile Snapshot? _snapshot;
    private int _generation;

    /// <param name="LeniencyJson">The saved 首违免罚 list (setting <c>leniency</c>), null until an admin saves one; read by LeniencySettings.</param>
    public sealed record Snapshot(SlaClock Clock, StepLimits Steps, WorkflowSettings Settings, IReadOnlyDictionary<string, CategoryInfo> Categories,
        string? LeniencyJson = null)
    {
        public CaseRules For(string categoryCode) => new(Clock, Steps, Categories[categoryCode].HandlingLimit, Settings);
    }

    public async Task<Snapshot> CurrentAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } current)
        {
            return current;
        }
        var generation = Volatile.Read(ref _generation);
        var loaded = await LoadAsync(ct);
        // A load that started before a change must not be cached over it.
        if (Volatile.Read(ref _generation) == generation)
        {
            _snapshot = loaded;
        }
        return loaded;
    }

    /// <summary>Drops the cached rules; the next read loads the current ones. Called by the change follower only.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var settings = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Json, ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var hours = settings.TryGetValue(WorkingHoursKey, out var h)
            ? JsonSerializer.Deserialize<string[]>(h)!.Select(WorkingHoursText.Parse).ToList()
            : WorkingCalendar.DefaultHours.ToList();
        var calendar = new WorkingCalendar(cityClock.Zone, hours,
            holidays: days.Where(d => d.Kind == "holiday").Select(d => d.Date),
            makeUpDays: days.Where(d => d.Kind == "workday").Select(d => d.Date));
        var steps = settings.TryGetValue(StepLimitsKey, out var s) ? StepLimitsJson.Read(s) : StepLimits.Defaults;
        var workflow = settings.TryGetValue(WorkflowKey, out var w) ? WorkflowSettingsJson.Read(w) : WorkflowSettings.Defaults;
        var categories = (await db.Categories.AsNoTracking().ToListAsync(ct)).ToDictionary(
            c => c.Code,
            c => new CategoryInfo(c.Code, c.Kind, c.Name, c.NameEn, c.DepartmentCode,
                new TimeLimit(c.LimitValue, TimeLimit.TryParseUnit(c.LimitUnit, out var unit) ? unit : LimitUnit.WorkingDays), c.Sample),
            StringComparer.Ordinal);
        return new Snapshot(new SlaClock(calendar), steps, workflow, categories, settings.GetValueOrDefault(LeniencyKey));
    }
}
