using CommandCenter.Domain.Intake;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// An Open311 <c>GET requests</c>: either a list of case numbers (which overrides everything else), or categories,
/// a time window, open/closed and a page.
/// </summary>
public sealed record Open311Query(IReadOnlyList<string>? Numbers, IReadOnlyList<string>? Categories, RequestWindow Window, bool? Open, int Page, int PageSize)
{
    public const int MaxPageSize = 1000;
}
