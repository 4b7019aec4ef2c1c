using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;

namespace CommandCenter.Web.Features.Cases;

/// <summary>Step limits as stored in settings and shown by the API: <c>{ "accept": { "value": 10, "unit": "naturalMinutes" } ... }</c>.</summary>
public static class StepLimitsJson
{
    public sealed record LimitDto(double Value, string Unit);

    public static readonly string[] Steps = ["accept", "verify", "file", "dispatch", "check", "close"];

    public static Dictionary<string, LimitDto> ToDto(StepLimits s) => new()
    {
        ["accept"] = Dto(s.Accept), ["verify"] = Dto(s.Verify), ["file"] = Dto(s.File),
        ["dispatch"] = Dto(s.Dispatch), ["check"] = Dto(s.Check), ["close"] = Dto(s.Close),
    };

    public static StepLimits FromDto(IReadOnlyDictionary<string, LimitDto> d) => new()
    {
        Accept = Limit(d, "accept", StepLimits.Defaults.Accept), Verify = Limit(d, "verify", StepLimits.Defaults.Verify),
        File = Limit(d, "file", StepLimits.Defaults.File), Dispatch = Limit(d, "dispatch", StepLimits.Defaults.Dispatch),
        Check = Limit(d, "check", StepLimits.Defaults.Check), Close = Limit(d, "close", StepLimits.Defaults.Close),
    };

    public static StepLimits Read(string json) => FromDto(JsonSerializer.Deserialize<Dictionary<string, LimitDto>>(json, JsonSerializerOptions.Web)!);

    public static string Write(StepLimits s) => JsonSerializer.Serialize(ToDto(s), JsonSerializerOptions.Web);

    private static LimitDto Dto(TimeLimit l) => new(l.Value, TimeLimit.UnitSlug(l.Unit));

    private static TimeLimit Limit(IReadOnlyDictionary<string, LimitDto> d, string key, TimeLimit fallback) =>
        d.TryGetValue(key, out var dto) && TimeLimit.TryParseUnit(dto.Unit, out var unit) ? new TimeLimit(dto.Value, unit) : fallback;
}
