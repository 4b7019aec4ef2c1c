using System.Text.Json;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Rules;
using CommandCenter.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>
/// 评价参数 as an admin setting: read fresh with every evaluation (one small row, so every instance sees an edit at
/// once), saved with a change-log row like the other rules. Until an admin saves, the defaults are domain.md's
/// sample values (<see cref="EvaluationSettings.Sample"/> = 示例值).
/// </summary>
public sealed class EvaluationSettingsStore(CommandCenterDb db, ChangeFollower follower, Domain.Geography.CityClock clock)
{
    public const string Key = "evaluation";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = false };

    public async Task<EvaluationSettings> CurrentAsync(CancellationToken ct = default)
    {
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, ct);
        return row is null ? EvaluationSettings.Defaults : JsonSerializer.Deserialize<EvaluationSettings>(row.Json, Json) ?? EvaluationSettings.Defaults;
    }

    /// <summary>Checks and saves edited settings (no longer sample values); the refused fields, or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(EvaluationSettings edited, string actor, CancellationToken ct = default)
    {
        var errors = edited.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }
        var before = await CurrentAsync(ct);
        var saved = edited with { Sample = false };
        var json = JsonSerializer.Serialize(saved, Json);
        var row = await db.Settings.FindAsync([Key], ct);
        if (row is null)
        {
            db.Settings.Add(new SettingRow { Key = Key, Json = json });
        }
        else
        {
            row.Json = json;
        }
        db.Record(ChangeTopics.Evaluation, Key, "updated", actor, clock.UtcNow, JsonSerializer.Serialize(before, Json), json);
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return [];
    }
}
