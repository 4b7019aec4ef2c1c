using System.Globalization;
using CommandCenter.Domain.Alerts;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Streets;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Streets;
using CommandCenter.Web.Features.Alerts;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// 逐级督办, watched on the injected clock: when a case on a street goes overdue in handling, the street's chief is
/// alerted, and each further overdue span the chief one level up (L3 → L2 → L1); an alert nobody acknowledges in time
/// goes one level up too. A 督办 by a person alerts the responsible department and the street's chief; the clock's own
/// 督办 alerts the department (its chief already hears of the overdue case). Alerts clear once the case is no longer
/// overdue or fixed. Each day's new chiefs take over their streets here too. One instance watches at a time.
/// </summary>
public sealed class EscalationWatcher(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, CityClock clock, TimeProvider time, LiveFeed feed, ChangeFollower follower,
    ILogger<EscalationWatcher> logger)
    : BackgroundService
{
    public const string OverdueKind = "overdue";
    public const string EscalationKind = "escalation";
    public const string SupervisionKind = "supervision";
    private const long LeaderLockKey = 20_261_208;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    // A round reads the roster, sign-ins and alerts: woken by every case event of a busy intake (P2: 150+ a second) it
    // ran back to back and took as much CPU as the intake itself. Events within this (real) time share one round.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SupervisionLookBack = TimeSpan.FromDays(1);
    // Someone counts as signed in with an open sign-in of the last week (a refresh token's life; past it a device signs in again).
    private static readonly TimeSpan SignedInWindow = TimeSpan.FromDays(7);
    private static readonly string[] ChiefKinds = [OverdueKind, EscalationKind, SupervisionKind];
    private static readonly string PersonPrefix = AlertAudience.Person("");
    private static readonly CaseState[] Fixed = [CaseState.Handled, CaseState.Checking, CaseState.PendingClose];

    private CancellationTokenSource _wake = new();
    private int _dirty;
    private long? _supervisionCursor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var cases = feed.OnCase(ReadScope.City, _ => Wake());
        using var changes = feed.OnChange(c =>
        {
            if (c.Topic is ChangeTopics.Alert or ChangeTopics.StreetChief or ChangeTopics.Rules or ChangeTopics.Calendar)
            {
                Wake();
            }
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await SessionConnection.OpenAsync(dataSource, stoppingToken);
                var leader = session.Connection;
                await using (var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LeaderLockKey})", leader))
                {
                    if (!(bool)(await cmd.ExecuteScalarAsync(stoppingToken))!)
                    {
                        await Task.Delay(Retry, stoppingToken);
                        continue;
                    }
                }
                _supervisionCursor = null;
                while (!stoppingToken.IsCancellationRequested && leader.FullState == System.Data.ConnectionState.Open)
                {
                    Interlocked.Exchange(ref _dirty, 0);
                    var next = await RunOnceAsync(stoppingToken);
                    await SleepUntilAsync(next, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The escalation watcher failed; it starts again shortly");
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Raises, escalates and clears what is due now; returns when something next falls due.</summary>
    public async Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommandCenterDb>();
        var alerts = services.GetRequiredService<AlertService>();
        await services.GetRequiredService<StreetDirectory>().FollowRosterAsync(ct);
        var rules = await services.GetRequiredService<CaseRulesProvider>().CurrentAsync(ct);
        var policy = await services.GetRequiredService<EscalationSettings>().CurrentAsync(ct);
        var roster = await db.StreetChiefRosterAsync(ct);
        var now = clock.UtcNow;
        var local = clock.ToLocal(now);
        var signedIn = await SignedInPeopleAsync(db, now, ct);
        var on = new Func<string, bool>(signedIn.Contains);
        var openKeys = (await db.Alerts.AsNoTracking().Where(a => a.ClearedAt == null).Select(a => a.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset? next = null;
        void Soonest(DateTimeOffset? at)
        {
            if (at is { } t && t > now && (next is null || t < next))
            {
                next = t;
            }
        }

        await SuperviseAsync(db, alerts, roster, policy, rules, now, local, openKeys, on, Soonest, ct);

        // Overdue in handling, on a street: the planned alerts up the chain of chiefs in charge now.
        var open = CaseStates.Open;
        var onStreets = db.Cases.AsNoTracking().Where(c => c.StreetId != null && c.ClockStep == CaseStep.Handle && open.Contains(c.State)
            && c.StepDeadline != null && c.ClockPausedAt == null);
        var overdue = await onStreets.Where(c => c.StepDeadline <= now)
            .Select(c => new { c.Id, c.Number, c.StreetId, c.StreetName, Deadline = c.StepDeadline!.Value }).ToListAsync(ct);
        Soonest(await onStreets.Where(c => c.StepDeadline > now).MinAsync(c => c.StepDeadline, ct));
        foreach (var c in overdue)
        {
            var chain = roster.ChainAt(c.StreetId!, local);
            var plan = policy.PlanOverdueAlerts(c.Deadline, chain, rules.Clock);
            for (var i = 0; i < plan.Count; i++)
            {
                var planned = plan[i];
                if (planned.DueAt > now)
                {
                    Soonest(planned.DueAt);
                    continue;
                }
                var key = $"{OverdueCondition(c.Id, c.Deadline)}:L{(int)planned.Level}";
                if (!openKeys.Add(key))
                {
                    continue;
                }
                var up = policy.EscalateUnacknowledged(planned.Level, now, chain, rules.Clock);
                var to = OnDutyRecipient.Choose(chain, i, DeputiesOf(roster, c.StreetId!, local), on) ?? planned.PersonId;
                await alerts.RaiseAsync(new NewAlert(i == 0 ? OverdueKind : EscalationKind, AlertAudience.Person(to), key,
                    i == 0 ? "CaseOverdueOnStreet" : "CaseOverdueEscalated", c.Number, c.StreetName ?? c.StreetId!)
                {
                    Level = i + 1, CaseId = c.Id, CaseNumber = c.Number, StreetId = c.StreetId, EscalatesAt = up?.DueAt,
                }, ct);
                Soonest(up?.DueAt);
            }
        }

        await HandOverAsync(db, alerts, roster, policy, rules, now, local, on, ct);
        await EscalateUnacknowledgedAsync(db, alerts, roster, policy, rules, now, local, openKeys, on, Soonest, ct);
        await ClearAsync(db, alerts, now, ct);
        return next;
    }

    /// <summary>督办 events since the last look: the department, and for a person's 督办 the street's chief, are alerted once per level.</summary>
    private async Task SuperviseAsync(CommandCenterDb db, AlertService alerts, StreetChiefRoster roster, EscalationPolicy policy,
        CaseRulesProvider.Snapshot rules, DateTimeOffset now, DateTime local, HashSet<string> openKeys, Func<string, bool> on,
        Action<DateTimeOffset?> soonest, CancellationToken ct)
    {
        var since = now - SupervisionLookBack;
        var cursor = _supervisionCursor ?? await db.CaseEvents.Where(e => e.At < since).MaxAsync(e => (long?)e.Seq, ct) ?? 0;
        // Only as far as the follower has read: a number still being committed is not skipped.
        var upTo = follower.CasePosition;
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.Seq > cursor && e.Seq <= upTo && e.Action == "supervise").OrderBy(e => e.Seq).Take(500).ToListAsync(ct);
        foreach (var e in events)
        {
            cursor = e.Seq;
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == e.CaseId).Select(x => new { x.State, x.SupervisionLevel }).SingleOrDefaultAsync(ct);
            if (c is null || c.State.IsTerminal() || Fixed.Contains(c.State) || c.SupervisionLevel != e.Supervision)
            {
                continue;
            }
            var condition = $"{SupervisionKind}:{e.CaseId}:{e.Supervision}";
            var recipients = new List<(string Address, string KeyPart, DateTimeOffset? EscalatesAt)>();
            if (e.Department is { } department)
            {
                recipients.Add((AlertAudience.Department(department), "dept", null));
            }
            if (e.ActorRole != Role.System.Slug() && e.StreetId is { } streetId)
            {
                var chain = roster.ChainAt(streetId, local);
                if (chain.Count > 0)
                {
                    var up = policy.EscalateUnacknowledged(chain[0].Level, now, chain, rules.Clock);
                    var to = OnDutyRecipient.Choose(chain, 0, DeputiesOf(roster, streetId, local), on)!;
                    recipients.Add((AlertAudience.Person(to), $"L{(int)chain[0].Level}", up?.DueAt));
                }
                else if (e.StreetChiefPersonId is { } linked)
                {
                    recipients.Add((AlertAudience.Person(linked), "chief", null));
                }
            }
            foreach (var (address, part, escalatesAt) in recipients)
            {
                var key = $"{condition}:{part}";
                // Once per condition for good: a cleared one (fixed since) is not raised again on a restart.
                if (openKeys.Contains(key) || await db.Alerts.AnyAsync(a => a.Key == key, ct))
                {
                    continue;
                }
                openKeys.Add(key);
                await alerts.RaiseAsync(new NewAlert(SupervisionKind, address, key, "Supervised", e.CaseNumber)
                {
                    CaseId = e.CaseId, CaseNumber = e.CaseNumber, StreetId = e.StreetId, EscalatesAt = escalatesAt,
                }, ct);
                soonest(escalatesAt);
            }
        }
        _supervisionCursor = events.Count < 500 ? Math.Max(cursor, upTo) : cursor;
    }

    /// <summary>Alerts past their acknowledgement time go to the next chief up the street's chain (once each).</summary>
    private async Task EscalateUnacknowledgedAsync(CommandCenterDb db, AlertService alerts, StreetChiefRoster roster, EscalationPolicy policy,
        CaseRulesProvider.Snapshot rules, DateTimeOffset now, DateTime local, HashSet<string> openKeys, Func<string, bool> on,
        Action<DateTimeOffset?> soonest, CancellationToken ct)
    {
        var waiting = db.Alerts.AsNoTracking().Where(a => a.EscalatesAt != null && a.AcknowledgedAt == null && a.ClearedAt == null && a.StreetId != null
            && !db.Alerts.Any(b => b.EscalatedFrom == a.Id));
        soonest(await waiting.Where(a => a.EscalatesAt > now).MinAsync(a => a.EscalatesAt, ct));
        foreach (var a in await waiting.Where(a => a.EscalatesAt <= now).OrderBy(a => a.EscalatesAt).Take(500).ToListAsync(ct))
        {
            var chain = roster.ChainAt(a.StreetId!, local);
            // The link the alert was meant for (its level), whoever holds it now (a deputy, a chief standing in).
            var link = a.Level >= 1 && a.Level <= chain.Count ? chain[a.Level - 1] : chain.FirstOrDefault(l => AlertAudience.Person(l.PersonId) == a.Recipient);
            if (link is null || policy.EscalateUnacknowledged(link.Level, now, chain, rules.Clock) is not { } up)
            {
                continue;
            }
            var key = $"{a.Key[..a.Key.LastIndexOf(':')]}:L{(int)up.Level}";
            if (!openKeys.Add(key))
            {
                continue;
            }
            var further = policy.EscalateUnacknowledged(up.Level, now, chain, rules.Clock);
            var upIndex = chain.Select((l, i) => (l, i)).First(x => x.l.PersonId == up.PersonId && x.l.Level == up.Level).i;
            var to = OnDutyRecipient.Choose(chain, upIndex, [], on) ?? up.PersonId;
            await alerts.RaiseAsync(new NewAlert(EscalationKind, AlertAudience.Person(to), key, "AlertUnacknowledged",
                a.CaseNumber ?? "", a.StreetId!, a.Recipient)
            {
                Level = a.Level + 1, CaseId = a.CaseId, CaseNumber = a.CaseNumber, StreetId = a.StreetId,
                EscalatesAt = further?.DueAt, EscalatedFrom = a.Id,
            }, ct);
            soonest(further?.DueAt);
        }
    }

    /// <summary>
    /// Standing chief alerts whose holder signed out or no longer holds a post on the street go to whoever answers for
    /// that link now (the new chief, a deputy, the chief above), with the full acknowledgement time.
    /// </summary>
    private static async Task HandOverAsync(CommandCenterDb db, AlertService alerts, StreetChiefRoster roster, EscalationPolicy policy,
        CaseRulesProvider.Snapshot rules, DateTimeOffset now, DateTime local, Func<string, bool> on, CancellationToken ct)
    {
        var standing = await db.Alerts.AsNoTracking()
            .Where(a => a.ClearedAt == null && a.AcknowledgedAt == null && a.StreetId != null && ChiefKinds.Contains(a.Kind) && a.Recipient.StartsWith(PersonPrefix))
            .Select(a => new { a.Id, a.Recipient, a.Level, StreetId = a.StreetId!, a.EscalatesAt }).Take(2000).ToListAsync(ct);
        foreach (var a in standing)
        {
            var chain = roster.ChainAt(a.StreetId, local);
            var index = Math.Clamp(a.Level - 1, 0, Math.Max(chain.Count - 1, 0));
            if (OnDutyRecipient.HandOverTo(a.Recipient[PersonPrefix.Length..], chain, index, DeputiesOf(roster, a.StreetId, local), on) is not { } to)
            {
                continue;
            }
            var escalatesAt = a.EscalatesAt is null ? null : policy.EscalateUnacknowledged(chain[index].Level, now, chain, rules.Clock)?.DueAt;
            await alerts.HandOverAsync(a.Id, AlertAudience.Person(to), escalatesAt, ct);
        }
    }

    private static IReadOnlyList<string> DeputiesOf(StreetChiefRoster roster, string streetId, DateTime local) =>
        roster.ChiefAt(streetId, local)?.DeputyPersonIds ?? [];

    /// <summary>The people (person ids) with an open sign-in now.</summary>
    private static async Task<HashSet<string>> SignedInPeopleAsync(CommandCenterDb db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - SignedInWindow;
        var people = await db.SignInSessions.Where(s => s.EndedAt == null && s.StartedAt > since)
            .Join(db.Users, s => s.UserName, u => u.UserName, (s, u) => u.PersonId)
            .Where(p => p != null).Distinct().ToListAsync(ct);
        return people.Select(p => p!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Overdue alerts of cases no longer overdue (fixed, shelved, a new step), and 督办 alerts of fixed cases, are cleared.</summary>
    private static async Task ClearAsync(CommandCenterDb db, AlertService alerts, DateTimeOffset now, CancellationToken ct)
    {
        var standing = await db.Alerts.AsNoTracking().Where(a => a.ClearedAt == null && a.CaseId != null
                && (a.Kind == OverdueKind || a.Kind == EscalationKind || a.Kind == SupervisionKind))
            .Select(a => new { a.Key, CaseId = a.CaseId!.Value }).ToListAsync(ct);
        if (standing.Count == 0)
        {
            return;
        }
        var ids = standing.Select(a => a.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.State, c.ClockStep, c.StepDeadline, c.ClockPausedAt }).ToDictionaryAsync(c => c.Id, ct);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in standing)
        {
            var c = cases.GetValueOrDefault(a.CaseId);
            var gone = c is null || c.State.IsTerminal();
            string prefix;
            bool over;
            if (a.Key.StartsWith(SupervisionKind + ":", StringComparison.Ordinal))
            {
                prefix = $"{SupervisionKind}:{a.CaseId}:";
                over = gone || Fixed.Contains(c!.State);
            }
            else
            {
                var stillOverdue = !gone && c!.ClockStep == CaseStep.Handle && c.ClockPausedAt == null && c.StepDeadline is { } d && d <= now;
                prefix = a.Key[..(a.Key.LastIndexOf(':') + 1)];
                over = !stillOverdue || prefix != OverdueCondition(a.CaseId, c!.StepDeadline!.Value) + ":";
            }
            if (over && done.Add(prefix))
            {
                await alerts.ClearAsync(prefix, "system", ct);
            }
        }
    }

    private static string OverdueCondition(Guid caseId, DateTimeOffset deadline) =>
        $"{OverdueKind}:{caseId}:{deadline.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    private void Wake()
    {
        Interlocked.Exchange(ref _dirty, 1);
        try
        {
            _wake.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Between two sleeps.
        }
    }

    private async Task SleepUntilAsync(DateTimeOffset? next, CancellationToken ct)
    {
        var wait = next is { } at ? at - clock.UtcNow : Idle;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        var wake = new CancellationTokenSource();
        _wake = wake;
        if (Interlocked.Exchange(ref _dirty, 0) == 1)
        {
            // Something happened while the last round ran.
            await Task.Delay(Settle, ct);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, wake.Token);
        try
        {
            await Task.Delay(wait < Idle ? wait : Idle, time, linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Woken by a live event or a change: look again once the burst it may belong to has passed.
            await Task.Delay(Settle, ct);
        }
    }
}
