using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// A report from outside the centre — the 随手拍 page, an Open311 client or a hotline call — before it is a case.
/// The place is a point, a street of the city (notice-board QR code, street search) or an address naming a street.
/// Field names in refusals are the 随手拍 API's (<c>lon</c>, <c>address</c>, <c>attribute[code]</c> …).
/// </summary>
public sealed record CitizenReport
{
    public required CaseSource Source { get; init; }
    public required Actor Actor { get; init; }
    public string? Category { get; init; }
    public double? Lon { get; init; }
    public double? Lat { get; init; }
    public string? StreetId { get; init; }
    public string? Address { get; init; }
    public string? Description { get; init; }
    public Guid[] PhotoIds { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }
    public string? ClientAddress { get; init; }
    public Guid? ApiKeyId { get; init; }
    /// <summary>Hotline calls: the <c>CallNature</c> slug.</summary>
    public string? Nature { get; init; }
    public string? MediaUrl { get; init; }
}
