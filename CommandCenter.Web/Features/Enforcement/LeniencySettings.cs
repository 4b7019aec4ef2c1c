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
/// an edit is checked with <see cref="LeniencyCatalogue.Validate"/> and audited in the change log (topic rules). Read from the
/// database at each intake, so every instance applies the saved list at once.
/// </summary>
public sealed class LeniencySettings(CommandCenterDb db, CaseRulesProvider rules, ChangeFollower follower, CityClock clock)
{
    public const string Key = "leniency";

    public async Task<LeniencyCatalogue> CurrentAsync(CancellationToken ct = default)
    {
        var json = await db.Settings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Json).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return LeniencyCatalogue.Default;
        }
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
        var before = (await CurrentAsync(ct)).Items.Select(LeniencyItemDto.From).ToList();
        var after = parsed.Select(LeniencyItemDto.From).ToList();
        var json = JsonSerializer.Serialize(after, JsonSerializerOptions.Web);
        var row = await db.Settings.FindAsync([Key], ct);
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
        follower.Poke();
        return [];
    }
}
