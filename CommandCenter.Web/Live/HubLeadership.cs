using CommandCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Live;

/// <summary>
/// Who pushes to SignalR clients. On its own an instance pushes what its follower reads to its own clients. Behind a
/// Redis backplane every push reaches every instance's clients, so exactly one instance — the holder of a PostgreSQL
/// advisory lock — pushes, and records how far it got in <c>hub_cursors</c>; when it dies, its lock goes with its
/// connection, another instance takes it and first pushes again what came after the recorded position (clients drop
/// the sequence numbers they have), so no event falls between two publishers. Every instance still feeds its own
/// Blazor pages and reloads its own caches from its own follower.
/// </summary>
public sealed class HubLeadership(NpgsqlDataSource dataSource, IConfiguration config, ILogger<HubLeadership> logger) : BackgroundService
{
    public const string HubName = "ops";
    private const long LockKey = 20_261_203;
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(2);

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}";
    private (long Cases, long Changes)? _resumeFrom;
    private int _resumePending;
    private volatile bool _publishing = !IsBackplaneConfigured(config);
    private volatile bool _holding;

    /// <summary>Whether instances share a Redis backplane (and so elect one publisher).</summary>
    public bool Elected { get; } = IsBackplaneConfigured(config);

    /// <summary>Whether this instance pushes to the hub now.</summary>
    public bool Publishing => _publishing;

    /// <summary>Whether <see cref="RecordAsync"/> writes anything (an elected publisher records where it has pushed to).</summary>
    public bool Recording => Elected && _publishing;

    /// <summary>For <c>/health</c>: local (no backplane), publishing or standby.</summary>
    public string Mode => !Elected ? "local" : _publishing ? "publishing" : "standby";

    public static bool IsBackplaneConfigured(IConfiguration config) => config["Redis:Configuration"] is { Length: > 0 };

    /// <summary>
    /// Called by the follower before it hands on a batch: when this instance has just been elected, the position to push
    /// again from (then it publishes from the next batch on); null otherwise. Taking it on the follower's thread keeps
    /// pushes in sequence order.
    /// </summary>
    internal (long Cases, long Changes)? TakeResume(out bool startsPublishing)
    {
        startsPublishing = Interlocked.Exchange(ref _resumePending, 0) == 1;
        if (!startsPublishing)
        {
            return null;
        }
        _publishing = true;
        return _resumeFrom;
    }

    /// <summary>Pushing again failed (the database went away): try again on the next batch, if still elected.</summary>
    internal void ResumeFailed()
    {
        _publishing = false;
        if (_holding)
        {
            Interlocked.Exchange(ref _resumePending, 1);
        }
    }

    /// <summary>Records how far this publisher pushed (never backwards), so a successor resumes there.</summary>
    internal async Task RecordAsync(CommandCenterDb db, long cases, long changes, DateTimeOffset at, CancellationToken ct)
    {
        if (!Elected || !_publishing)
        {
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO hub_cursors (hub, case_seq, change_seq, holder, updated_at) VALUES ({HubName}, {cases}, {changes}, {_holder}, {at})
            ON CONFLICT (hub) DO UPDATE SET case_seq = GREATEST(hub_cursors.case_seq, EXCLUDED.case_seq),
                change_seq = GREATEST(hub_cursors.change_seq, EXCLUDED.change_seq), holder = EXCLUDED.holder, updated_at = EXCLUDED.updated_at
            """, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Elected)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await SessionConnection.OpenAsync(dataSource, stoppingToken);
                var connection = session.Connection;
                await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
                {
                    if (!(bool)(await take.ExecuteScalarAsync(stoppingToken))!)
                    {
                        await Task.Delay(Retry, stoppingToken);
                        continue;
                    }
                }
                await using (var read = new NpgsqlCommand("SELECT case_seq, change_seq FROM hub_cursors WHERE hub = @hub", connection))
                {
                    read.Parameters.AddWithValue("hub", HubName);
                    await using var reader = await read.ExecuteReaderAsync(stoppingToken);
                    _resumeFrom = await reader.ReadAsync(stoppingToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
                }
                _holding = true;
                logger.LogInformation("This instance now pushes to the hub (resuming after case event {Seq})", _resumeFrom?.Cases);
                Interlocked.Exchange(ref _resumePending, 1);
                // Holding the lock is holding this connection: while it answers, this instance is the publisher.
                while (!stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(Check, stoppingToken);
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lost or could not take the hub publisher's lock; trying again");
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _holding = false;
                Interlocked.Exchange(ref _resumePending, 0);
                _publishing = false;
            }
        }
    }
}
