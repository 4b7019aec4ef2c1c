namespace CommandCenter.Web.Features.Citizen;

/// <summary>A GeoReport v2 list: a JSON array, in XML an element around its items (scalar items each in <see cref="ItemElement"/>).</summary>
public sealed record GeoReportList(string Element, IReadOnlyList<object?> Items, string? ItemElement = null);
