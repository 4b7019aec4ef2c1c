using System.Text.Json;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Rules;

/// <summary>Workflow settings as stored and shown by the API: <c>{ "maxDeskExtensions": 2, "duplicateWindowHours": 24, … }</c>.</summary>
public static class WorkflowSettingsJson
{
    public sealed record Dto(int MaxDeskExtensions, int ShirkingReturnsAbove, int MultipleReworksAbove, double DuplicateWindowHours);

    public static Dto ToDto(WorkflowSettings s) => new(s.MaxDeskExtensions, s.ShirkingReturnsAbove, s.MultipleReworksAbove, s.DuplicateWindow.TotalHours);

    public static WorkflowSettings FromDto(Dto d) => new()
    {
        MaxDeskExtensions = d.MaxDeskExtensions, ShirkingReturnsAbove = d.ShirkingReturnsAbove,
        MultipleReworksAbove = d.MultipleReworksAbove, DuplicateWindow = TimeSpan.FromHours(d.DuplicateWindowHours),
    };

    public static WorkflowSettings Read(string json) => FromDto(JsonSerializer.Deserialize<Dto>(json, JsonSerializerOptions.Web)!);

    public static string Write(WorkflowSettings s) => JsonSerializer.Serialize(ToDto(s), JsonSerializerOptions.Web);
}
