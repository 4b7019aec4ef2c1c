using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Citizen;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// The block list of anonymous intake: an operator blocks an abusive client address, device or phone, and lifts the
/// block again; both are in the change log. Blocked sources are refused by the 随手拍 page and Open311 POSTs.
/// </summary>
public sealed class IntakeBlocks(CommandCenterDb db, CityClock clock, ChangeFollower follower)
{
    public static readonly IReadOnlyList<string> Kinds = ["address", "device", "phone"];

    public Task<List<IntakeBlockRow>> ListAsync(bool inForceOnly, CancellationToken ct = default) =>
        db.IntakeBlocks.AsNoTracking().Where(b => !inForceOnly || b.LiftedAt == null)
            .OrderByDescending(b => b.BlockedAt).Take(500).ToListAsync(ct);

    /// <summary>Blocks a source (a block already in force for it is kept); the refused fields, or none.</summary>
    public async Task<(IntakeBlockRow? Row, IReadOnlyList<FieldError> Errors)> BlockAsync(string? kind, string? value, string? reason, string actor, CancellationToken ct = default)
    {
        var errors = TextInput.Collect(TextInput.Check("value", value, 100, required: true), TextInput.Check("reason", reason, 200, required: true));
        if (kind is null || !Kinds.Contains(kind))
        {
            errors.Add(new FieldError("kind", "BlockKind", string.Join(", ", Kinds)));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var source = value!.Trim();
        if (await db.IntakeBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.Kind == kind && b.Value == source && b.LiftedAt == null, ct) is { } existing)
        {
            return (existing, []);
        }
        var row = new IntakeBlockRow { Id = Guid.NewGuid(), Kind = kind!, Value = source, Reason = reason!.Trim(), BlockedAt = clock.UtcNow, BlockedBy = actor };
        db.IntakeBlocks.Add(row);
        db.Record(ChangeTopics.IntakeBlock, row.Id.ToString(), "created", actor, row.BlockedAt, after: new { kind = row.Kind, value = row.Value, reason = row.Reason });
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return (row, []);
    }

    /// <summary>Lifts a block; null when there is no such block, false when it was lifted already.</summary>
    public async Task<bool?> LiftAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var row = await db.IntakeBlocks.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        if (row.LiftedAt is not null)
        {
            return false;
        }
        row.LiftedAt = clock.UtcNow;
        row.LiftedBy = actor;
        db.Record(ChangeTopics.IntakeBlock, row.Id.ToString(), "retired", actor, row.LiftedAt.Value,
            new { kind = row.Kind, value = row.Value, reason = row.Reason }, null);
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return true;
    }

    /// <summary>Whether any of the given sources (kind, value; nulls ignored) is blocked now.</summary>
    public async Task<bool> IsBlockedAsync(CancellationToken ct, params (string Kind, string? Value)[] sources)
    {
        // A value no block could hold (too long, control characters) is refused later by the field checks.
        var keys = sources.Where(s => !string.IsNullOrWhiteSpace(s.Value) && s.Value.Length <= 100 && !s.Value.Any(char.IsControl)).Select(s => s.Kind + ":" + s.Value!.Trim()).ToList();
        if (keys.Count == 0)
        {
            return false;
        }
        return await db.IntakeBlocks.AnyAsync(b => b.LiftedAt == null && keys.Contains(b.Kind + ":" + b.Value), ct);
    }
}
