using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;

namespace CommandCenter.Web.Rules;

/// <summary>Step limits as stored in settings and shown by the API: <c>{ "accept": { "value": 0.1667, "unit": "naturalHours" } ... }</c>, one entry per step with its own limit.</summary>
public static class StepLimitsJson
{
    public sealed record LimitDto(double Value, string Unit);

    public static IReadOnlyList<string> Steps { get; } = CaseSteps.WithStepLimit.Select(s => s.Slug()).ToList();

    public static Dictionary<string, LimitDto> ToDto(StepLimits s) =>
        CaseSteps.WithStepLimit.ToDictionary(step => step.Slug(), step => Dto(s.For(step)));

    public static StepLimits FromDto(IReadOnlyDictionary<string, LimitDto> d)
    {
        var limits = StepLimits.Defaults;
        foreach (var step in CaseSteps.WithStepLimit)
        {
            if (d.TryGetValue(step.Slug(), out var dto) && TimeLimit.TryParseUnit(dto.Unit, out var unit))
            {
                limits = limits.With(step, new TimeLimit(dto.Value, unit));
            }
        }
        return limits;
    }

    public static StepLimits Read(string json) => FromDto(JsonSerializer.Deserialize<Dictionary<string, LimitDto>>(json, JsonSerializerOptions.Web)!);

    public static string Write(StepLimits s) => JsonSerializer.Serialize(ToDto(s), JsonSerializerOptions.Web);

    private static LimitDto Dto(TimeLimit l) => new(l.Value, TimeLimit.UnitSlug(l.Unit));
}
