using System.Security.Cryptography;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Citizen;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Turns a citizen report into a case through <see cref="CaseService"/>: the source is checked against the block list,
/// the category's questions and the contact fields are checked, the place is resolved against the city's streets when
/// only an address or a street is given, and the reporter's contact is saved beside the case in the same transaction.
/// The case lands in 待受理 like every report; intake's accept sends public sources to 核实.
/// </summary>
public sealed class CitizenIntake(CommandCenterDb db, CaseService cases, CaseRulesProvider rulesProvider, CityGeography city, IntakeBlocks blocks)
{
    /// <summary>Who uploads the 随手拍 page's photos; a public report may only carry photos uploaded that way.</summary>
    public const string AnonymousUploader = "citizen";

    /// <summary>The 随手拍 page's reporter.</summary>
    public static readonly Actor PublicReporter = new("citizen", "citizen", new HashSet<Role> { Role.Citizen });

    /// <summary>An Open311 client, named after its key.</summary>
    public static Actor Open311Client(Open311KeyRow key) => new($"open311:{key.Name}", key.Name, new HashSet<Role> { Role.Citizen });

    public async Task<CitizenIntakeResult> SubmitAsync(CitizenReport report, CancellationToken ct = default)
    {
        if (await blocks.IsBlockedAsync(ct, ("address", report.ClientAddress), ("device", report.DeviceId), ("phone", report.Phone)))
        {
            return CitizenIntakeResult.Fail(Refusal.Forbidden("SourceBlocked"));
        }
        var rules = await rulesProvider.CurrentAsync(ct);
        var errors = TextInput.Collect(
            TextInput.Check("name", report.Name, 100), TextInput.Check("phone", report.Phone, 30), TextInput.Check("email", report.Email, 100),
            TextInput.Check("deviceId", report.DeviceId, 100), TextInput.Check("accountId", report.AccountId, 100),
            TextInput.Check("address", report.Address, 200));
        if (report.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new FieldError("email", "EmailInvalid"));
        }
        if (report.MediaUrl is { Length: > 0 } media
            && (media.Length > 500 || !Uri.TryCreate(media.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new FieldError("mediaUrl", "MediaUrlInvalid", 500));
        }
        if (report.Source.IsHotline() && !CallNatures.TryParse(report.Nature, out _))
        {
            errors.Add(new FieldError("nature", "NatureRequired", string.Join(", ", CallNatures.Slugs)));
        }
        var category = report.Category is { Length: > 0 } code ? rules.Categories.GetValueOrDefault(code) : null;
        if (category is null)
        {
            errors.Add(new FieldError("category", "CategoryUnknown", report.Category));
        }
        IReadOnlyDictionary<string, string[]> answers = new Dictionary<string, string[]>();
        if (category is not null)
        {
            // Callers answer the operator's questions, not the form's: only citizens must answer every required one.
            errors.AddRange(ServiceAttributes.Check(category.Code, report.Attributes, out answers, requireAnswers: !report.Source.IsHotline()));
        }
        var (lon, lat, address) = Place(report, errors);
        if (report.Source == CaseSource.Public && report.PhotoIds.Length > 0
            && await db.Photos.CountAsync(p => report.PhotoIds.Contains(p.Id) && p.UploadedBy == AnonymousUploader, ct) != report.PhotoIds.Distinct().Count())
        {
            errors.Add(new FieldError("photoIds", "PhotoMissing", report.PhotoIds[0]));
        }
        if (errors.Count > 0)
        {
            return CitizenIntakeResult.Fail(Refusal.BadRequest([.. errors]));
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(24));
        var description = report.Description?.Trim() is { Length: > 0 } d ? d : category!.Name; // Open311 makes the description optional
        var request = new NewCaseRequest(lon, lat, category!.Code, description, report.Source.Slug(), address, null, report.PhotoIds);
        var result = await cases.CreateAsync(request, report.Actor, ct, alongside: c => db.CitizenReports.Add(new CitizenReportRow
        {
            CaseId = c.Id, CaseNumber = c.Number, Token = token, Name = Trimmed(report.Name), Phone = Trimmed(report.Phone),
            Email = Trimmed(report.Email), DeviceId = Trimmed(report.DeviceId), AccountId = Trimmed(report.AccountId),
            ClientAddress = report.ClientAddress, ApiKeyId = report.ApiKeyId, Nature = report.Source.IsHotline() ? report.Nature : null,
            Attributes = answers.Count == 0 ? null : JsonSerializer.Serialize(answers), MediaUrl = Trimmed(report.MediaUrl), ReportedAt = c.ReportedAt,
        }));
        return result.Succeeded
            ? new CitizenIntakeResult(result.Case, token, null, result.Duplicates)
            : CitizenIntakeResult.Fail(result.Refused!);
    }

    /// <summary>The point to report at, and the address to show: a pin wins, then a street of the city, then an address naming one.</summary>
    private (double? Lon, double? Lat, string? Address) Place(CitizenReport report, List<FieldError> errors)
    {
        var address = Trimmed(report.Address);
        if (report.Lon is not null || report.Lat is not null)
        {
            return (report.Lon, report.Lat, address); // CaseService checks the numbers and that the point is in the city
        }
        if (report.StreetId is { Length: > 0 } streetId)
        {
            var street = city.Index.City.Streets.FirstOrDefault(s => s.Id == streetId);
            if (street is not null && StreetAddress.PointOn(street, city.Index) is { } onStreet)
            {
                return (onStreet.Point.X, onStreet.Point.Y, address ?? street.Name);
            }
            errors.Add(new FieldError("streetId", "StreetUnknown", streetId));
            return (null, null, address);
        }
        if (address is not null)
        {
            if (StreetAddress.Resolve(address, city.Index) is { } place)
            {
                return (place.Point.X, place.Point.Y, address);
            }
            errors.Add(new FieldError("address", "AddressNotFound", address));
            return (null, null, address);
        }
        errors.Add(new FieldError("lat", "LocationRequired"));
        return (null, null, null);
    }

    private static string? Trimmed(string? value) => value?.Trim() is { Length: > 0 } t ? t : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
