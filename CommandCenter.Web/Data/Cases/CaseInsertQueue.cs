using System.Collections.Concurrent;
using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// Group commit for reports: the cases waiting to be written when a write starts go in one round trip and one
/// transaction, so eight desks reporting at once pay one commit flush, one counter update and one trip to the server
/// between them instead of eight of each (P2: per case, PostgreSQL spent ~2.3 ms of CPU against the raw insert's
/// ~0.3 ms, most of it in per-transaction work). A report still returns only once its own rows are committed.
/// <para>
/// A batch moves the day's counter on by its size in a transaction of its own that commits without waiting for its
/// flush (the cases' commit flushes the WAL up to it; a crash before that loses only numbers no case had), then writes
/// the duplicate searches and the cases with their numbers. A batch that fails on a statement is written again case by
/// case, so one bad report fails alone (its number is then a gap); one that loses its connection fails every report in it.
/// </para>
/// </summary>
public sealed class CaseInsertQueue(NpgsqlDataSource dataSource, ILogger<CaseInsertQueue> logger)
{
    /// <summary>At most this many reports in one batch (the statement and its parameters stay well within a round trip).</summary>
    public const int MaxBatch = 32;

    /// <summary>One writer: the reports that arrive while a batch is at the server form the next one (two writers halved the batches, no faster).</summary>
    private const int MaxWriters = 1;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writers;
    private long _batches;
    private long _written;

    /// <summary>Batches written and cases in them since start (logged, and read by tests).</summary>
    public (long Batches, long Cases) Written => (Interlocked.Read(ref _batches), Interlocked.Read(ref _written));

    /// <summary>
    /// Writes <paramref name="c"/> and <paramref name="first"/> (and the intake's zone/leniency row when there is one) with the
    /// next number of <paramref name="day"/>; sets their number and the event's sequence number.
    /// </summary>
    /// <returns>The <see cref="DuplicateCandidates"/> reported since <paramref name="duplicatesSince"/>, read in the same
    /// transaction just before the insert; empty when it is null.</returns>
    public Task<IReadOnlyList<Case>> InsertAsync(Func<IModel> model, Case c, CaseEventRow first, DateOnly day, Enforcement.CaseIntakeRow? intake,
        DateTimeOffset? duplicatesSince, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(CaseInsert.ShapeOf(model, intake is not null), c, first, day, intake, duplicatesSince, ct);
        _queue.Enqueue(pending);
        StartWriter();
        // Once taken into a batch the report is written whatever its caller does: it waits for the outcome, not the token.
        return pending.Done.Task;
    }

    private void StartWriter()
    {
        while (true)
        {
            var writers = Volatile.Read(ref _writers);
            if (writers >= MaxWriters)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _writers, writers + 1, writers) == writers)
            {
                // The writer serves every request after this one: it must not carry this request's context (its Activity
                // would parent the database calls of later batches, its logging scopes label them).
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(WriteWhileQueuedAsync);
                }
                return;
            }
        }
    }

    private async Task WriteWhileQueuedAsync()
    {
        try
        {
            while (Take() is { Count: > 0 } batch)
            {
                await WriteAsync(batch);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _writers);
            // A report queued while this writer was leaving found every writer busy: start one for it.
            if (!_queue.IsEmpty)
            {
                StartWriter();
            }
        }
    }

    private List<Pending> Take()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var p))
        {
            if (p.Cancelled.IsCancellationRequested)
            {
                p.Done.TrySetCanceled(p.Cancelled);
                continue;
            }
            batch.Add(p);
        }
        return batch;
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await NumberAsync(connection, batch);
            try
            {
                await WriteRowsAsync(connection, batch);
            }
            catch (PostgresException ex) when (batch.Count > 1)
            {
                // A statement failed, so none of the batch was written: each case again on its own, the bad one fails alone.
                logger.LogWarning(ex, "A batch of {Count} reports failed ({SqlState}); writing them one by one", batch.Count, ex.SqlState);
                await RollbackAsync(connection);
                foreach (var p in batch)
                {
                    try
                    {
                        await WriteRowsAsync(connection, [p]);
                    }
                    catch (PostgresException one)
                    {
                        await RollbackAsync(connection);
                        p.Done.TrySetException(one);
                    }
                }
            }
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _written, batch.Count(p => p.Done.Task.IsCompletedSuccessfully));
        }
        catch (Exception ex)
        {
            foreach (var p in batch)
            {
                p.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Gives each report of the batch its 案件编号: the day's counter moved on by the day's reports, in queue order.</summary>
    private static async Task NumberAsync(NpgsqlConnection connection, List<Pending> batch)
    {
        await using var numbering = new NpgsqlBatch(connection);
        numbering.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        numbering.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
        var days = batch.GroupBy(p => p.Day).Select(g => (Day: g.Key, Reports: g.ToList())).ToList();
        foreach (var (day, reports) in days)
        {
            var counter = new NpgsqlBatchCommand(CaseInsert.CounterByCountSql);
            counter.Parameters.AddWithValue("day", day);
            counter.Parameters.AddWithValue("count", reports.Count);
            numbering.BatchCommands.Add(counter);
        }
        numbering.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await numbering.ExecuteReaderAsync(CancellationToken.None);
        var counted = 0;
        do
        {
            if (reader.FieldCount == 1 && await reader.ReadAsync(CancellationToken.None))
            {
                var (d, reports) = days[counted++];
                var last = reader.GetInt64(0);
                for (var i = 0; i < reports.Count; i++)
                {
                    reports[i].Number = CaseInsert.NumberOf(d, last - reports.Count + 1 + i);
                }
            }
        }
        while (await reader.NextResultAsync(CancellationToken.None));
        if (counted != days.Count)
        {
            throw new InvalidOperationException("The day's counter returned no number.");
        }
    }

    /// <summary>
    /// The duplicate searches, then the cases, in one durable transaction. The inserts run with cached plans: the session
    /// plans every statement for its values (DatabaseConnection.SessionOptions), which the searches need and an insert
    /// of values does not (planning it was ~0.4 ms of PostgreSQL's CPU per report).
    /// </summary>
    private static async Task WriteRowsAsync(NpgsqlConnection connection, IReadOnlyList<Pending> batch)
    {
        await using var write = new NpgsqlBatch(connection);
        write.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var searching = batch.Where(p => p.DuplicatesSince is not null).ToList();
        foreach (var p in searching)
        {
            write.BatchCommands.Add(DuplicateCandidates.Command(p.Case.CategoryCode, p.Case.Location, p.DuplicatesSince!.Value));
        }
        write.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = auto"));
        foreach (var p in batch)
        {
            var insert = new NpgsqlBatchCommand(p.Shape.Sql);
            insert.Parameters.AddWithValue("number", p.Number!);
            CaseInsert.BindRows(insert.Parameters, p.Shape, p.Case, p.First, p.Intake);
            write.BatchCommands.Add(insert);
        }
        write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var candidates = batch.ToDictionary(p => p, _ => new List<Case>());
        var inserted = new List<(string Number, long Seq)>();
        await using (var reader = await write.ExecuteReaderAsync(CancellationToken.None))
        {
            // Results by their width: the searches' six columns (in the order they were added), the inserts' (number, seq).
            var search = -1;
            do
            {
                if (reader.FieldCount == DuplicateCandidates.Columns)
                {
                    search++;
                }
                while (reader.FieldCount is 2 or DuplicateCandidates.Columns && await reader.ReadAsync(CancellationToken.None))
                {
                    if (reader.FieldCount == DuplicateCandidates.Columns)
                    {
                        candidates[searching[search]].Add(DuplicateCandidates.Read(reader));
                    }
                    else
                    {
                        inserted.Add((reader.GetString(0), reader.GetInt64(1)));
                    }
                }
            }
            while (await reader.NextResultAsync(CancellationToken.None));
        }
        if (inserted.Count != batch.Count)
        {
            throw new InvalidOperationException($"The batch inserted {inserted.Count} of {batch.Count} cases.");
        }
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            p.Case.Number = p.First.CaseNumber = inserted[i].Number;
            p.First.Seq = inserted[i].Seq;
            p.Done.TrySetResult(candidates[p]);
        }
    }

    private static async Task RollbackAsync(NpgsqlConnection connection)
    {
        await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
        await rollback.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private sealed class Pending(CaseInsert.Shape shape, Case c, CaseEventRow first, DateOnly day, Enforcement.CaseIntakeRow? intake,
        DateTimeOffset? duplicatesSince, CancellationToken cancelled)
    {
        public CaseInsert.Shape Shape { get; } = shape;
        public Case Case { get; } = c;
        public CaseEventRow First { get; } = first;
        public DateOnly Day { get; } = day;
        public Enforcement.CaseIntakeRow? Intake { get; } = intake;
        public DateTimeOffset? DuplicatesSince { get; } = duplicatesSince;
        public CancellationToken Cancelled { get; } = cancelled;
        public string? Number { get; set; }
        public TaskCompletionSource<IReadOnlyList<Case>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
