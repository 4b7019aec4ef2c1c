namespace CommandCenter.Domain.Intake;

/// <summary>
/// 案件属性: one extra question a category asks its reporters (a GeoReport v2 service-definition attribute), e.g. the
/// size of a garbage pile. <see cref="Values"/> are the keys a list accepts, in display order (empty for other types).
/// Its wording lives in the UI's resources (<c>Attr_{code}</c>, <c>Attr_{code}_{value}</c>).
/// </summary>
public sealed record ServiceAttribute(string Code, ServiceAttributeType Type, bool Required, int Order, IReadOnlyList<string> Values, int MaxLength = 200)
{
    public bool IsList => Type is ServiceAttributeType.SingleValueList or ServiceAttributeType.MultiValueList;

    /// <summary>The request field that carries the answer: <c>attribute[code]</c>.</summary>
    public string Field => $"attribute[{Code}]";
}
