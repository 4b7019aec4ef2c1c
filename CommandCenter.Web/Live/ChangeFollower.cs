using System.Globalization;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Live;

/// <summary>
/// Every instance's one reader of what was written: it follows <c>case_events</c> and <c>changes</c> by sequence
/// number and is the only feed for Blazor pages (<see cref="LiveFeed"/>), SignalR pushes (<see cref="HubBroadcaster"/>)
/// and the reload of the cached rules and the in-memory city. Writers only commit (and poke their own instance awake);
/// other instances wake on <c>NOTIFY cc_changes</c>, or within a second by polling, so every instance sees every write.
/// </summary>
public sealed class ChangeFollower(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    LiveFeed feed,
    HubBroadcaster hub,
    HubLeadership leadership,
    TimeProvider time,
    CaseRulesProvider rules,
    CityGeography city,
    ILogger<ChangeFollower> logger) : BackgroundService
{
    public const string Channel = "cc_changes";
    private const int BatchSize = 500;
    private const int MaxPushAgain = 5000;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GapPoll = TimeSpan.FromMilliseconds(15);

    // The payload of this instance's NOTIFY: its own listener ignores it (the poked read that sent it has already read).
    private readonly string _notifyPayload = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _waitersLock = new();
    private readonly List<Waiter> _waiters = [];
    private LogCursor? _cases;
    private LogCursor? _changes;
    private int _poked;
    private LogReads? _reads;

    /// <summary>The last case event handed on by this instance.</summary>
    public long CasePosition => _cases?.Position ?? 0;

    /// <summary>The last change handed on by this instance.</summary>
    public long ChangePosition => _changes?.Position ?? 0;

    /// <summary>Starts both cursors at the end of the logs; called once the database is ready, before anything is cached.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        _cases ??= new LogCursor(await db.CaseEvents.MaxAsync(e => (long?)e.Seq, ct) ?? 0);
        _changes ??= new LogCursor(await db.Changes.MaxAsync(e => (long?)e.Seq, ct) ?? 0);
        _reads ??= new LogReads(db.Model);
    }

    /// <summary>A writer of this instance committed: look now, and tell the other instances with that read.</summary>
    public void Poke()
    {
        Interlocked.Exchange(ref _poked, 1);
        Wake();
    }

    /// <summary>Completes once this instance has handed on (and reloaded its caches for) change <paramref name="seq"/>.</summary>
    public Task WaitForChangeAsync(long seq, CancellationToken ct = default) => WaitAsync(isChange: true, seq, ct);

    /// <summary>Completes once this instance has handed on case event <paramref name="seq"/>.</summary>
    public Task WaitForCaseEventAsync(long seq, CancellationToken ct = default) => WaitAsync(isChange: false, seq, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await InitializeAsync(stoppingToken);
        var listening = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var soon = false;
            try
            {
                soon = await ReadOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database restarting or unreachable: keep the position and try again.
                logger.LogWarning(ex, "Reading the change logs failed; retrying");
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            try
            {
                await _wake.WaitAsync(soon ? GapPoll : Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await listening;
    }

    /// <summary>Reads both logs once; true when there is more to read right away (a full batch, or a gap to wait on).</summary>
    private async Task<bool> ReadOnceAsync(CancellationToken ct)
    {
        var poked = Interlocked.Exchange(ref _poked, 0) == 1;
        // The scope (and its DbContext) only for the hub publisher's rare work: the read itself is one round trip.
        AsyncServiceScope? scope = null;
        CommandCenterDb Db() => (scope ??= scopes.CreateAsyncScope()).ServiceProvider.GetRequiredService<CommandCenterDb>();
        try
        {
            var resume = leadership.TakeResume(out var nowPublishing);
            if (resume is { } from)
            {
                try
                {
                    await PushAgainAsync(Db(), from.Cases, from.Changes, ct);
                }
                catch
                {
                    leadership.ResumeFailed();
                    throw;
                }
            }
            // A poked read tells the other instances in the same round trip (they read what this one's writers committed).
            var (xmin, xmax, events, changes) = await ReadLogsAsync(_cases!.Position, _changes!.Position, notify: poked, ct);

            var changesTaken = _changes.Advance(changes.Select(c => c.Seq).ToList(), xmin, xmax);
            if (changesTaken > 0)
            {
                await HandOnAsync(changes.Take(changesTaken).ToList(), ct);
            }
            var eventsTaken = _cases.Advance(events.Select(e => e.Seq).ToList(), xmin, xmax);
            foreach (var row in events.Take(eventsTaken))
            {
                var message = CaseChangedMessage.From(row);
                feed.Publish(message);
                await hub.CaseChangedAsync(message);
            }
            if ((changesTaken + eventsTaken > 0 || nowPublishing) && leadership.Recording)
            {
                await leadership.RecordAsync(Db(), _cases.Position, _changes.Position, time.GetUtcNow(), ct);
            }
            if (changesTaken + eventsTaken > 0)
            {
                ReleaseWaiters();
            }
            return _cases.WaitingOnGap || _changes.WaitingOnGap || eventsTaken == BatchSize || changesTaken == BatchSize;
        }
        finally
        {
            if (scope is { } s)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Both logs after the given positions and the snapshot's bounds, in one repeatable-read transaction (so the gap test
    /// reasons about exactly what was read) sent as one batch.
    /// </summary>
    private async Task<(ulong Xmin, ulong Xmax, List<Data.Cases.CaseEventRow> Events, List<ChangeRow> Changes)> ReadLogsAsync(
        long casesAfter, long changesAfter, bool notify, CancellationToken ct)
    {
        var reads = _reads!;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ"));
        // Two reads of "after this position" plan the same way for every position: cached plans (the session plans each
        // statement for its values, which cost ~0.2 ms of PostgreSQL's CPU per poll).
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = auto"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() s"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(reads.EventsSql) { Parameters = { new NpgsqlParameter { Value = casesAfter } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(reads.ChangesSql) { Parameters = { new NpgsqlParameter { Value = changesAfter } } });
        if (notify)
        {
            // A NOTIFY makes the read a writing transaction, whose commit waited ~2 ms for its WAL flush before this
            // instance could push what it read; a notification lost in a crash costs the others one poll at most.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"NOTIFY {Channel}, '{_notifyPayload}'"));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        ulong xmin = 0, xmax = 0;
        var events = new List<Data.Cases.CaseEventRow>();
        var changes = new List<ChangeRow>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        // The three results with columns, in the order sent (BEGIN, SET, NOTIFY and COMMIT have none).
        var result = 0;
        do
        {
            if (reader.FieldCount == 0)
            {
                continue;
            }
            switch (result++)
            {
                case 0:
                    await reader.ReadAsync(ct);
                    xmin = ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
                    xmax = ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                    break;
                case 1:
                    events = await reads.Events.ReadAllAsync(reader, ct);
                    break;
                default:
                    changes = await reads.Changes.ReadAllAsync(reader, ct);
                    break;
            }
        }
        while (await reader.NextResultAsync(ct));
        if (result != 3)
        {
            throw new InvalidOperationException($"Reading the change logs returned {result} results instead of 3.");
        }
        return (xmin, xmax, events, changes);
    }

    /// <summary>
    /// A new hub publisher pushes again what came after its predecessor's last recorded position, up to where this
    /// instance has read (at most the last <see cref="MaxPushAgain"/> events; screens further behind catch up themselves).
    /// </summary>
    private async Task PushAgainAsync(CommandCenterDb db, long casesAfter, long changesAfter, CancellationToken ct)
    {
        var casesUpTo = _cases!.Position;
        var changesUpTo = _changes!.Position;
        casesAfter = Math.Max(casesAfter, casesUpTo - MaxPushAgain);
        changesAfter = Math.Max(changesAfter, changesUpTo - MaxPushAgain);
        var changes = await db.Changes.AsNoTracking().Where(e => e.Seq > changesAfter && e.Seq <= changesUpTo).OrderBy(e => e.Seq).ToListAsync(ct);
        foreach (var row in changes)
        {
            await hub.ChangedAsync(ChangeMessage.From(row));
        }
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.Seq > casesAfter && e.Seq <= casesUpTo).OrderBy(e => e.Seq).ToListAsync(ct);
        foreach (var row in events)
        {
            await hub.CaseChangedAsync(CaseChangedMessage.From(row));
        }
        logger.LogInformation("Pushed {Events} case events and {Changes} changes again after taking over the hub", events.Count, changes.Count);
    }

    private async Task HandOnAsync(IReadOnlyList<ChangeRow> rows, CancellationToken ct)
    {
        // Caches first, so a page redrawing on the change already reads the new rules and city.
        if (rows.Any(r => ChangeTopics.ReloadsRules(r.Topic)))
        {
            rules.Invalidate();
        }
        if (rows.Any(r => ChangeTopics.ReloadsCity(r.Topic)))
        {
            await city.ReloadAsync(ct);
        }
        foreach (var row in rows)
        {
            var message = ChangeMessage.From(row);
            feed.Publish(message);
            await hub.ChangedAsync(message);
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var session = await SessionConnection.OpenAsync(dataSource, ct);
                var connection = session.Connection;
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != _notifyPayload)
                    {
                        Wake();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                Wake(); // whatever was written while not listening
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listening for {Channel} failed; polling until it works again", Channel);
                await Task.Delay(Poll, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    private Task WaitAsync(bool isChange, long seq, CancellationToken ct)
    {
        lock (_waitersLock)
        {
            if ((isChange ? ChangePosition : CasePosition) >= seq)
            {
                return Task.CompletedTask;
            }
            var waiter = new Waiter(isChange, seq, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            Wake();
            return waiter.Done.Task.WaitAsync(ct);
        }
    }

    private void ReleaseWaiters()
    {
        lock (_waitersLock)
        {
            foreach (var w in _waiters.Where(w => (w.IsChange ? ChangePosition : CasePosition) >= w.Seq).ToList())
            {
                w.Done.TrySetResult();
                _waiters.Remove(w);
            }
        }
    }

    private sealed record Waiter(bool IsChange, long Seq, TaskCompletionSource Done);

    /// <summary>The two logs' readers and queries, built once from the model.</summary>
    private sealed class LogReads(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        public RowReader<Data.Cases.CaseEventRow> Events { get; } = new(model);
        public RowReader<ChangeRow> Changes { get; } = new(model);
        public string EventsSql => field ??= Query(Events);
        public string ChangesSql => field ??= Query(Changes);

        private static string Query<T>(RowReader<T> rows) where T : class =>
            $"SELECT {rows.Columns} FROM {rows.Table} WHERE {rows.Column("Seq")} > $1 ORDER BY {rows.Column("Seq")} LIMIT {BatchSize}";
    }
}
