using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Streets;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using CommandCenter.Web.Problems;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// 十无巡查: a street chief or grid member walked a street and ticked the ten items; every failed item becomes one case
/// (its category from <see cref="TenNoChecklist"/>, the phone's location or else the street's, its own photos).
/// </summary>
public sealed class ChecklistReporter(CaseService cases, CityGeography city, IStringLocalizer<SharedResource> l)
{
    /// <summary>Body of <c>POST /api/streets/{id}/checklist</c>.</summary>
    public sealed record ChecklistRequest(double? Lon, double? Lat, ChecklistItemRequest[]? Items);

    /// <summary>One ticked item: passed, or failed with its photos and an optional note.</summary>
    public sealed record ChecklistItemRequest(string? Item, bool Passed, Guid[]? PhotoIds = null, string? Note = null);

    /// <summary>What one tap did: a case per failed item, and the items whose case was refused (with why).</summary>
    public sealed record ChecklistOutcome(IReadOnlyList<CaseCommandResult> Created, IReadOnlyList<(string Item, Refusal Refused)> Refused);

    /// <summary>Null when there is no such street; else the refusal of the whole checklist, or its outcome.</summary>
    public async Task<(Refusal? Refused, ChecklistOutcome? Outcome)?> ReportAsync(string streetId, ChecklistRequest request, Actor actor, CancellationToken ct = default)
    {
        if (city.Index.City.Streets.FirstOrDefault(s => s.Id == streetId) is not { } street)
        {
            return null;
        }
        var answers = (request.Items ?? []).Select(i => new ChecklistAnswer(i.Item ?? "", i.Passed)).ToList();
        var errors = TenNoChecklist.Check(answers).ToList();
        errors.AddRange((request.Items ?? []).Select((i, n) => TextInput.Check($"items[{n}].note", i.Note, 500)).OfType<FieldError>());
        if (errors.Count > 0)
        {
            return (Refusal.BadRequest([.. errors]), null);
        }
        // Where the phone is; without a fix, a point on the street itself.
        var (lon, lat) = request.Lon is { } x && request.Lat is { } y ? (x, y) : (street.Line.InteriorPoint.X, street.Line.InteriorPoint.Y);
        var created = new List<CaseCommandResult>();
        var refused = new List<(string, Refusal)>();
        foreach (var item in request.Items!.Where(i => !i.Passed))
        {
            var category = TenNoChecklist.Find(item.Item)!.CategoryCode;
            var description = $"{l["TenNoChecklist"]} · {street.Name} · {l["TenNo_" + item.Item]}" + (item.Note is { Length: > 0 } note ? $" · {note.Trim()}" : "");
            var result = await cases.CreateAsync(new NewCaseRequest(lon, lat, category, description, null, street.Name, null, item.PhotoIds), actor, ct);
            if (result.Succeeded)
            {
                created.Add(result);
            }
            else
            {
                refused.Add((item.Item!, result.Refused!));
            }
        }
        return (null, new ChecklistOutcome(created, refused));
    }
}
