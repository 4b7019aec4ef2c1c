using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// The clock does the watching: at each warning point of a running step it sends 催办, when the step goes overdue and
/// again at twice its limit it raises 督办 — each an audit row and a live event, taken through the workflow like any
/// action, by the system. Driven by the injected clock, so tests move it with a fake one. One instance watches at a
/// time (a PostgreSQL advisory lock); the others wait to take over.
/// </summary>
public sealed class ClockWatcher(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, CityClock clock, TimeProvider time, LiveFeed feed, ILogger<ClockWatcher> logger)
    : BackgroundService
{
    private const long LeaderLockKey = 20_261_202;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    public static readonly Actor SystemActor = new("system", "系统", new HashSet<Role> { Role.System });

    private CancellationTokenSource _wake = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A new or changed case may fall due sooner than the watcher planned to look.
        using var subscription = feed.OnCase(ReadScope.City, _ => _wake.Cancel());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await SessionConnection.OpenAsync(dataSource, stoppingToken);
                var leader = session.Connection;
                if (!await TryLeadAsync(leader, stoppingToken))
                {
                    await Task.Delay(Retry, stoppingToken);
                    continue;
                }
                await BackfillAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested && leader.FullState == System.Data.ConnectionState.Open)
                {
                    var next = await RunDueAsync(stoppingToken);
                    await SleepUntilAsync(next, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The clock watcher failed; it starts again shortly");
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Takes every reminder that is due now; returns when the next one falls due.</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var rules = await scope.ServiceProvider.GetRequiredService<CaseRulesProvider>().CurrentAsync(ct);
        var now = clock.UtcNow;
        var ids = await db.Cases.AsNoTracking().Where(c => c.NextReminderAt != null && c.NextReminderAt <= now)
            .OrderBy(c => c.NextReminderAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var c = await db.Cases.SingleAsync(x => x.Id == id, ct);
            var due = CaseReminders.Due(c, rules.For(c.CategoryCode), now);
            if (due.Count == 0)
            {
                // The calendar or the limits changed since the time was set: only the plan moves, nothing happened.
                await db.Cases.Where(x => x.Id == id && x.Version == c.Version)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.NextReminderAt, CaseReminders.NextAt(c, rules.For(c.CategoryCode))), ct);
                continue;
            }
            foreach (var (index, crossing) in due)
            {
                var input = new CaseActionInput { ReminderIndex = index, ReminderShare = crossing.Share };
                var result = await cases.ApplyAsync(c, CaseReminders.ActionFor(crossing.Reminder), SystemActor, input, rules, now, ct);
                if (!result.Succeeded)
                {
                    // Someone acted on the case at the same moment; it is looked at again on the next round.
                    logger.LogDebug("Reminder {Reminder} of case {Case} not taken: {Code}", crossing.Reminder, c.Number, result.Refused!.Code);
                    break;
                }
            }
        }
        return await db.Cases.AsNoTracking().Where(c => c.NextReminderAt != null).MinAsync(c => c.NextReminderAt, ct);
    }

    private async Task SleepUntilAsync(DateTimeOffset? next, CancellationToken ct)
    {
        var wait = next is { } at ? at - clock.UtcNow : Idle;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        _wake = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _wake.Token);
        try
        {
            await Task.Delay(wait < Idle ? wait : Idle, time, linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Woken by a live event: plan again, once for a whole burst of events (busy intake sends 150+ a second).
            await Task.Delay(Settle, ct);
        }
    }

    /// <summary>Cases written before reminders existed get their next reminder time once.</summary>
    private async Task BackfillAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var rules = await scope.ServiceProvider.GetRequiredService<CaseRulesProvider>().CurrentAsync(ct);
        var open = CaseStates.Open;
        var missing = await db.Cases.Where(c => c.NextReminderAt == null && c.StepDeadline != null && c.ClockPausedAt == null && open.Contains(c.State))
            .Take(10_000).ToListAsync(ct);
        foreach (var c in missing)
        {
            if (rules.Categories.ContainsKey(c.CategoryCode))
            {
                c.NextReminderAt = CaseReminders.NextAt(c, rules.For(c.CategoryCode));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LeaderLockKey})", connection);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
