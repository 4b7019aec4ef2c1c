using System.Text.Json;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Streets;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Rules;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// The spans of 逐级督办 (<see cref="EscalationPolicy"/>): how long a case stays overdue before the chief one level up is
/// alerted, and how long an alert may go unacknowledged. Stored as a rules setting; an admin's edit is change-logged.
/// </summary>
public sealed class EscalationSettings(CommandCenterDb db, CityClock clock, ChangeFollower follower)
{
    public const string Key = "escalation";
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    /// <summary>The settings as the API reads and writes them.</summary>
    public sealed record Dto(StepLimitsJson.LimitDto OverdueSpan, StepLimitsJson.LimitDto AcknowledgeTimeout);

    public async Task<EscalationPolicy> CurrentAsync(CancellationToken ct = default) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, ct) is { } row ? Read(row.Json) : EscalationPolicy.Default;

    public static Dto ToDto(EscalationPolicy p) => new(
        new StepLimitsJson.LimitDto(p.OverdueSpan.Value, TimeLimit.UnitSlug(p.OverdueSpan.Unit)),
        new StepLimitsJson.LimitDto(p.AcknowledgeTimeout.Value, TimeLimit.UnitSlug(p.AcknowledgeTimeout.Unit)));

    /// <summary>Checks and saves new spans; the refused fields, or none.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(Dto? body, string actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        errors.AddRange(TimeLimit.Check("overdueSpan", body?.OverdueSpan?.Value, body?.OverdueSpan?.Unit, out var span));
        errors.AddRange(TimeLimit.Check("acknowledgeTimeout", body?.AcknowledgeTimeout?.Value, body?.AcknowledgeTimeout?.Unit, out var ack));
        if (errors.Count > 0)
        {
            return errors;
        }
        var next = new EscalationPolicy(span, ack);
        if (next.Validate() is { Count: > 0 } refused)
        {
            return refused;
        }
        var before = ToDto(await CurrentAsync(ct));
        var json = JsonSerializer.Serialize(ToDto(next), JsonSerializerOptions.Web);
        if (await db.Settings.FindAsync([Key], ct) is { } row)
        {
            row.Json = json;
        }
        else
        {
            db.Settings.Add(new SettingRow { Key = Key, Json = json });
        }
        var change = db.Record(ChangeTopics.Rules, Key, "updated", actor, clock.UtcNow, before, ToDto(next));
        await db.SaveChangesAsync(ct);
        follower.Poke();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReloadWait);
        await follower.WaitForChangeAsync(change.Seq, timeout.Token);
        return [];
    }

    private static EscalationPolicy Read(string json)
    {
        var dto = JsonSerializer.Deserialize<Dto>(json, JsonSerializerOptions.Web);
        return dto is null
            || TimeLimit.Check("overdueSpan", dto.OverdueSpan?.Value, dto.OverdueSpan?.Unit, out var span).Count > 0
            || TimeLimit.Check("acknowledgeTimeout", dto.AcknowledgeTimeout?.Value, dto.AcknowledgeTimeout?.Unit, out var ack).Count > 0
            ? EscalationPolicy.Default
            : new EscalationPolicy(span, ack);
    }
}
