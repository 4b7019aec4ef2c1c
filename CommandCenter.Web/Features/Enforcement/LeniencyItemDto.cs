using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Enforcement;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Web.Features.Enforcement;

/// <summary>
/// One 首违免罚 list item as the admin API, the page and the stored setting carry it:
/// <c>{code, name, legalBasis, kind: first|minor, categoryCodes, conditions, lookBackDays, correctionLimit: {value, unit}}</c>.
/// </summary>
public sealed record LeniencyItemDto(
    string? Code, string? Name, string? LegalBasis, string? Kind, string[]? CategoryCodes, string? Conditions, int LookBackDays,
    LeniencyItemDto.Limit? CorrectionLimit)
{
    public sealed record Limit(double? Value, string? Unit);

    public static LeniencyItemDto From(LeniencyItem i) => new(i.Code, i.Name, i.LegalBasis, i.Kind == LeniencyKind.Minor ? "minor" : "first",
        [.. i.CategoryCodes], i.Conditions, i.LookBackDays, new Limit(i.CorrectionLimit.Value, TimeLimit.UnitSlug(i.CorrectionLimit.Unit)));

    /// <summary>The domain item, or the fields of item <paramref name="index"/> that do not read (kind, correction limit, text lengths).</summary>
    public (LeniencyItem? Item, IReadOnlyList<FieldError> Errors) ToDomain(int index)
    {
        var at = $"items[{index}]";
        var errors = Problems.TextInput.Collect(
            Problems.TextInput.Check(at + ".code", Code, 16),
            Problems.TextInput.Check(at + ".name", Name, 100),
            Problems.TextInput.Check(at + ".legalBasis", LegalBasis, 200),
            Problems.TextInput.Check(at + ".conditions", Conditions, 500));
        LeniencyKind kind = LeniencyKind.First;
        if (Kind is not ("first" or "minor"))
        {
            errors.Add(new FieldError(at + ".kind", "LeniencyKindUnknown", Kind));
        }
        else
        {
            kind = Kind == "minor" ? LeniencyKind.Minor : LeniencyKind.First;
        }
        errors.AddRange(TimeLimit.Check(at + ".correctionLimit", CorrectionLimit?.Value, CorrectionLimit?.Unit, out var limit));
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new LeniencyItem(Code?.Trim() ?? "", Name?.Trim() ?? "", LegalBasis?.Trim() ?? "", kind,
            (CategoryCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).ToList(), Conditions?.Trim() ?? "", LookBackDays, limit), []);
    }
}
