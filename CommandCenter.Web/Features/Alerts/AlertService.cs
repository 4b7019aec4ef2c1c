using CommandCenter.Domain.Alerts;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Alerts;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Kiosks;
using CommandCenter.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Alerts;

/// <summary>
/// Raises, acknowledges and clears alerts. Each is saved with a change-log row, so every instance pushes it to the
/// people it is for (hub group of the recipient address) and their bells; the same condition stands once at a time.
/// </summary>
public sealed class AlertService(CommandCenterDb db, CityClock clock, ChangeFollower follower)
{
    /// <summary>Raises the alert unless one for the same condition is still open; returns the open one either way.</summary>
    public async Task<AlertRow> RaiseAsync(NewAlert alert, CancellationToken ct = default)
    {
        if (await db.Alerts.SingleOrDefaultAsync(a => a.Key == alert.Key && a.ClearedAt == null, ct) is { } standing)
        {
            return standing;
        }
        var row = new AlertRow
        {
            Id = Guid.NewGuid(), Kind = alert.Kind, Recipient = alert.Recipient, Level = alert.Level, Key = alert.Key,
            CaseId = alert.CaseId, CaseNumber = alert.CaseNumber, KioskId = alert.KioskId, Item = alert.Item, StreetId = alert.StreetId,
            MessageCode = alert.MessageCode, MessageArgs = alert.MessageArgs, RaisedAt = clock.UtcNow, EscalatesAt = alert.EscalatesAt,
            EscalatedFrom = alert.EscalatedFrom,
        };
        db.Alerts.Add(row);
        db.Record(ChangeTopics.Alert, row.Id.ToString(), "raised", "system", row.RaisedAt, after: AlertView.From(row));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Raised by another instance at the same moment: one alert stands (the unique open key refused ours).
            db.ChangeTracker.Clear();
            return await db.Alerts.AsNoTracking().SingleAsync(a => a.Key == alert.Key && a.ClearedAt == null, ct);
        }
        follower.Poke();
        return row;
    }

    /// <summary>The person it is for acknowledges it; false when there is no such open alert for them.</summary>
    public async Task<bool> AcknowledgeAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var row = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        actor = await db.WithKioskDutyAsync(actor, ct);
        if (row is null || !AlertAudience.IsFor(actor, row.Recipient) || row.ClearedAt is not null)
        {
            return false;
        }
        if (row.AcknowledgedAt is null)
        {
            row.AcknowledgedAt = clock.UtcNow;
            row.AcknowledgedBy = actor.UserName;
            db.Record(ChangeTopics.Alert, row.Id.ToString(), "acknowledged", actor.UserName, row.AcknowledgedAt.Value, after: AlertView.From(row));
            await db.SaveChangesAsync(ct);
            follower.Poke();
        }
        return true;
    }

    /// <summary>
    /// Moves a standing alert to someone else (its holder signed out or left the post): the holder's copy is closed and
    /// the new holder gets it with the full acknowledgement time from now. False when it is no longer open.
    /// </summary>
    public async Task<bool> HandOverAsync(Guid id, string recipient, DateTimeOffset? escalatesAt, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id && a.ClearedAt == null && a.AcknowledgedAt == null, ct);
        if (row is null || row.Recipient == recipient)
        {
            return false;
        }
        var now = clock.UtcNow;
        row.ClearedAt = now;
        db.Record(ChangeTopics.Alert, row.Id.ToString(), "handed-over", "system", now, after: AlertView.From(row));
        // Two saves: the open key is unique, so the old copy must be closed before the new one is written.
        await db.SaveChangesAsync(ct);
        var moved = new AlertRow
        {
            Id = Guid.NewGuid(), Kind = row.Kind, Recipient = recipient, Level = row.Level, Key = row.Key, CaseId = row.CaseId,
            CaseNumber = row.CaseNumber, KioskId = row.KioskId, Item = row.Item, StreetId = row.StreetId, MessageCode = row.MessageCode,
            MessageArgs = row.MessageArgs, RaisedAt = now, EscalatesAt = escalatesAt, EscalatedFrom = row.EscalatedFrom,
        };
        db.Alerts.Add(moved);
        db.Record(ChangeTopics.Alert, moved.Id.ToString(), "raised", "system", now, before: AlertView.From(row), after: AlertView.From(moved));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        follower.Poke();
        return true;
    }

    /// <summary>The condition is over (restocked, case handled): every open alert with a key starting so is cleared.</summary>
    public async Task<int> ClearAsync(string keyPrefix, string actor, CancellationToken ct = default)
    {
        var open = await db.Alerts.Where(a => a.Key.StartsWith(keyPrefix) && a.ClearedAt == null).ToListAsync(ct);
        var now = clock.UtcNow;
        foreach (var row in open)
        {
            row.ClearedAt = now;
            db.Record(ChangeTopics.Alert, row.Id.ToString(), "cleared", actor, now, after: AlertView.From(row));
        }
        if (open.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            follower.Poke();
        }
        return open.Count;
    }

    /// <summary>The open alerts for this person (mine), or every alert of the last days for a leader's list.</summary>
    public async Task<List<AlertView>> ListAsync(Actor actor, bool mine, CancellationToken ct = default)
    {
        var query = db.Alerts.AsNoTracking();
        actor = await db.WithKioskDutyAsync(actor, ct);
        if (mine || !(actor.Has(Role.Leader) || actor.Has(Role.Admin) || actor.Has(Role.ShiftLead)))
        {
            var addresses = AlertAudience.AddressesOf(actor).ToList();
            query = query.Where(a => addresses.Contains(a.Recipient) && a.ClearedAt == null && a.AcknowledgedAt == null);
        }
        return (await query.OrderByDescending(a => a.RaisedAt).Take(500).ToListAsync(ct)).Select(AlertView.From).ToList();
    }
}
