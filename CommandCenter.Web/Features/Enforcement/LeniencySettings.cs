using System.Text.Json;
using CommandCenter.Domain.Enforcement;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Rules;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Enforcement;

/// <summary>
/// 首违免罚清单 as an admin setting (key <c>leniency</c>): <see cref="LeniencyCatalogue.Default"/> until an admin saves a list;
/// an edit is checked with <see cref="LeniencyCatalogue.Validate"/> and audited in the change log (topic rules). Read with
/// the case rules (<see cref="CaseRulesProvider"/>), which every instance loads again when a rules change reaches it: an
/// intake no longer queries the setting (P2: a vending or bike report read it from the database each time).
/// </summary>
public sealed class LeniencySettings(CommandCenterDb db, CaseRulesProvider rules, ChangeFollower follower, CityClock clock)
{
    public const string Key = CaseRulesProvider.LeniencyKey;

    // The last list parsed, with the text it came from: the rules snapshot keeps the same string until it is reloaded.
    private static Parsed? _parsed;

    public async Task<LeniencyCatalogue> CurrentAsync(CancellationToken ct = default)
    {
        if ((await rules.CurrentAsync(ct)).LeniencyJson is not { } json)
        {
            return LeniencyCatalogue.Default;
        }
        if (_parsed is { } last && ReferenceEquals(last.Json, json))
        {
            return last.Catalogue;
        }
        var catalogue = Parse(json);
        _parsed = new Parsed(json, catalogue);
        return catalogue;
    }

    private sealed record Parsed(string Json, LeniencyCatalogue Catalogue);

    private static LeniencyCatalogue Parse(string json)
    {
        var items = JsonSerializer.Deserialize<LeniencyItemDto[]>(json, JsonSerializerOptions.Web) ?? [];
        return new LeniencyCatalogue(items.Select((d, i) => d.ToDomain(i).Item).OfType<LeniencyItem>().ToList());
    }

    /// <summary>Replaces the list; the refused fields, or none (nothing is saved then).</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(IReadOnlyList<LeniencyItemDto> items, string actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var parsed = new List<LeniencyItem>();
        var categories = (await rules.CurrentAsync(ct)).Categories;
        for (var i = 0; i < items.Count; i++)
        {
            var (item, itemErrors) = items[i].ToDomain(i);
            errors.AddRange(itemErrors);
            if (item is not null)
            {
                parsed.Add(item);
                errors.AddRange(item.CategoryCodes.Where(c => !categories.ContainsKey(c))
                    .Select(c => new FieldError($"items[{i}].categoryCodes", "CategoryUnknown", c)));
            }
        }
        if (errors.Count == 0)
        {
            errors.AddRange(new LeniencyCatalogue(parsed).Validate());
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        // The list as stored, not as this instance last loaded it: the audit line's "before" is the database's.
        var row = await db.Settings.FindAsync([Key], ct);
        var before = (row is null ? LeniencyCatalogue.Default : Parse(row.Json)).Items.Select(LeniencyItemDto.From).ToList();
        var after = parsed.Select(LeniencyItemDto.From).ToList();
        var json = JsonSerializer.Serialize(after, JsonSerializerOptions.Web);
        if (row is null)
        {
            db.Settings.Add(new SettingRow { Key = Key, Json = json });
        }
        else
        {
            row.Json = json;
        }
        db.Record(ChangeTopics.Rules, Key, "updated", actor, clock.UtcNow, before, after);
        await db.SaveChangesAsync(ct);
        // This instance applies it to the next intake at once; the others when the change reaches them.
        rules.Invalidate();
        follower.Poke();
        return [];
    }
}
