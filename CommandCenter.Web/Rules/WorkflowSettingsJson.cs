using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;

namespace CommandCenter.Web.Rules;

/// <summary>Workflow settings as stored and shown by the API: <c>{ "maxDeskExtensions": 2, "duplicateWindowHours": 24, "chaseAt": [0.5, 0.8], … }</c>.</summary>
public static class WorkflowSettingsJson
{
    public sealed record Dto(int? MaxDeskExtensions, int? ShirkingReturnsAbove, int? MultipleReworkAtLeast, double? DuplicateWindowHours,
        double[]? ChaseAt, double[]? SuperviseAt);

    public static Dto ToDto(WorkflowSettings s) => new(s.MaxDeskExtensions, s.ShirkingReturnsAbove, s.MultipleReworkAtLeast, s.DuplicateWindow.TotalHours,
        [.. s.Reminders.ChaseAt], [.. s.Reminders.SuperviseAt]);

    /// <summary>The settings with what the DTO sets laid over <paramref name="current"/>.</summary>
    public static WorkflowSettings Merge(WorkflowSettings current, Dto d) => new()
    {
        MaxDeskExtensions = d.MaxDeskExtensions ?? current.MaxDeskExtensions,
        ShirkingReturnsAbove = d.ShirkingReturnsAbove ?? current.ShirkingReturnsAbove,
        MultipleReworkAtLeast = d.MultipleReworkAtLeast ?? current.MultipleReworkAtLeast,
        DuplicateWindow = d.DuplicateWindowHours is { } h && double.IsFinite(h) && h is > 0 and < 1e6 ? TimeSpan.FromHours(h) : d.DuplicateWindowHours is null ? current.DuplicateWindow : TimeSpan.Zero,
        Reminders = new ReminderSettings { ChaseAt = d.ChaseAt ?? current.Reminders.ChaseAt, SuperviseAt = d.SuperviseAt ?? current.Reminders.SuperviseAt },
    };

    public static WorkflowSettings Read(string json) => Merge(WorkflowSettings.Defaults, JsonSerializer.Deserialize<Dto>(json, JsonSerializerOptions.Web)!);

    public static string Write(WorkflowSettings s) => JsonSerializer.Serialize(ToDto(s), JsonSerializerOptions.Web);
}
