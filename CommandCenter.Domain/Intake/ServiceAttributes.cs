using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Intake;

/// <summary>
/// Which categories ask extra questions of citizens and the check of the answers (<c>attribute[code]</c> of an Open311
/// POST, the same fields on the 随手拍 page). Categories not listed here ask nothing beyond place, photo and description.
/// </summary>
public static class ServiceAttributes
{
    private static readonly ServiceAttribute PileSize = new("pile_size", ServiceAttributeType.SingleValueList, true, 1, ["small", "medium", "large"]);

    private static readonly ServiceAttribute[] Cover =
    [
        new("cover_condition", ServiceAttributeType.SingleValueList, true, 1, ["missing", "broken", "displaced", "sunken"]),
        new("landmark", ServiceAttributeType.String, false, 2, [], MaxLength: 100),
    ];

    private static readonly Dictionary<string, IReadOnlyList<ServiceAttribute>> ByCategory = new(StringComparer.Ordinal)
    {
        // 暴露垃圾, 积存垃圾渣土: how much there is decides the truck that goes.
        ["20102"] = [PileSize],
        ["20103"] = [PileSize],
        // 无照经营游商: a mobile vendor has moved on by the time a fixed stall is still there.
        ["20501"] =
        [
            new("vendor_mobile", ServiceAttributeType.SingleValueList, true, 1, ["mobile", "fixed"]),
            new("stall_count", ServiceAttributeType.Number, false, 2, []),
        ],
        // 施工扰民: when it was heard and what it was.
        ["20301"] =
        [
            new("noise_heard_at", ServiceAttributeType.Datetime, false, 1, []),
            new("noise_kinds", ServiceAttributeType.MultiValueList, false, 2, ["machinery", "hammering", "loudspeaker", "vehicles"]),
        ],
        // Manhole covers and the storm grate: missing ones are dangerous, sunken ones are not urgent.
        ["10101"] = Cover, ["10102"] = Cover, ["10103"] = Cover, ["10104"] = Cover, ["10105"] = Cover,
        ["10106"] = Cover, ["10107"] = Cover, ["10110"] = Cover, ["10111"] = Cover, ["10114"] = Cover,
    };

    /// <summary>The questions of a category, in order; empty when it has none.</summary>
    public static IReadOnlyList<ServiceAttribute> For(string categoryCode) =>
        ByCategory.TryGetValue(categoryCode, out var attributes) ? attributes : [];

    public static bool HasAny(string categoryCode) => ByCategory.ContainsKey(categoryCode);

    /// <summary>
    /// Checks the answers given for a category (attribute code → the values sent; a multi-value list may send several).
    /// Returns the refused fields; <paramref name="accepted"/> holds the answers trimmed, without empty ones. Staff taking
    /// a call (<paramref name="requireAnswers"/> false) may leave required questions open; what they answer is still checked.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(string categoryCode, IReadOnlyDictionary<string, IReadOnlyList<string>> given,
        out IReadOnlyDictionary<string, string[]> accepted, bool requireAnswers = true)
    {
        var attributes = For(categoryCode);
        var errors = new List<FieldError>();
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var code in given.Keys.Where(k => attributes.All(a => a.Code != k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError($"attribute[{code}]", "AttributeUnknown", code));
        }
        foreach (var attribute in attributes)
        {
            var values = given.TryGetValue(attribute.Code, out var sent)
                ? sent.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray()
                : [];
            if (values.Length == 0)
            {
                if (attribute.Required && requireAnswers)
                {
                    errors.Add(new FieldError(attribute.Field, "AttributeRequired", attribute.Code));
                }
                continue;
            }
            if (CheckValues(attribute, values) is { } error)
            {
                errors.Add(error);
                continue;
            }
            answers[attribute.Code] = attribute.Type == ServiceAttributeType.MultiValueList ? values.Distinct(StringComparer.Ordinal).ToArray() : values;
        }
        accepted = answers;
        return errors;
    }

    private static FieldError? CheckValues(ServiceAttribute attribute, string[] values)
    {
        if (attribute.Type != ServiceAttributeType.MultiValueList && values.Length > 1)
        {
            return new FieldError(attribute.Field, "AttributeOneValue", attribute.Code);
        }
        foreach (var value in values)
        {
            var refused = attribute.Type switch
            {
                ServiceAttributeType.SingleValueList or ServiceAttributeType.MultiValueList when !attribute.Values.Contains(value) =>
                    new FieldError(attribute.Field, "AttributeValueUnknown", attribute.Code, value, string.Join(", ", attribute.Values)),
                ServiceAttributeType.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) =>
                    new FieldError(attribute.Field, "AttributeNotNumber", attribute.Code),
                ServiceAttributeType.Datetime when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _) =>
                    new FieldError(attribute.Field, "AttributeNotDatetime", attribute.Code),
                _ when value.Length > attribute.MaxLength => new FieldError(attribute.Field, "TooLong", attribute.MaxLength),
                _ when value.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')) => new FieldError(attribute.Field, "ControlCharacter"),
                _ => null,
            };
            if (refused is not null)
            {
                return refused;
            }
        }
        return null;
    }
}
