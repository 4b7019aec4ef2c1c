using System.Collections.Concurrent;
using System.Security.Claims;
using Npgsql;

namespace CommandCenter.Web.Identity;

/// <summary>
/// Server-side sign-out: every cookie and token names its <c>sign_in_sessions</c> row, and a request is signed in only
/// while that row is open. Checked on every request against the database (remembered for a second, so a page's
/// assets cost one look-up), so a sign-out on one instance stops the cookie on all of them within a second.
/// </summary>
public sealed class SignInSessions(NpgsqlDataSource dataSource, TimeProvider time, ILogger<SignInSessions> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(1);
    // While the database is away, a session seen open this recently stays signed in (its requests fail on their own data).
    private static readonly TimeSpan TrustDuringOutage = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<Guid, (bool Open, long CheckedAt)> _seen = new();

    /// <summary>The session a principal belongs to, if it names one.</summary>
    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(CommandCenterClaims.Session)?.Value, out var id) ? id : null;

    /// <summary>Opens a session for <paramref name="userName"/> (kind: cookie or bearer) and returns its id.</summary>
    public async Task<Guid> StartAsync(string userName, string kind, CancellationToken ct = default)
    {
        var id = Guid.NewGuid();
        await using var cmd = dataSource.CreateCommand("INSERT INTO sign_in_sessions (id, user_name, kind, started_at) VALUES (@id, @user, @kind, @at)");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("user", userName);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("at", time.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>Signs one session out; its cookie or tokens stop working everywhere.</summary>
    public async Task EndAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE sign_in_sessions SET ended_at = @at WHERE id = @id AND ended_at IS NULL");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("at", time.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
        _seen[id] = (false, Environment.TickCount64);
    }

    /// <summary>Ends every session of a user (a password change, an account taken away).</summary>
    public async Task EndAllAsync(string userName, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE sign_in_sessions SET ended_at = @at WHERE user_name = @user AND ended_at IS NULL RETURNING id");
        cmd.Parameters.AddWithValue("user", userName);
        cmd.Parameters.AddWithValue("at", time.GetUtcNow());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _seen[reader.GetGuid(0)] = (false, Environment.TickCount64);
        }
    }

    /// <summary>Whether the principal's session is still open; a principal without one (an old cookie) is not.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (SessionOf(user) is not { } id)
        {
            return false;
        }
        var now = Environment.TickCount64;
        if (_seen.TryGetValue(id, out var seen) && (!seen.Open || now - seen.CheckedAt < Remember.TotalMilliseconds))
        {
            return seen.Open;
        }
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT ended_at IS NULL FROM sign_in_sessions WHERE id = @id");
            cmd.Parameters.AddWithValue("id", id);
            var open = await cmd.ExecuteScalarAsync(ct) is true;
            _seen[id] = (open, now);
            if (_seen.Count > 100_000)
            {
                _seen.Clear();
            }
            return open;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && seen.Open && now - seen.CheckedAt < TrustDuringOutage.TotalMilliseconds)
        {
            logger.LogDebug(ex, "Session check unavailable; trusting session {Session} seen open recently", id);
            return true;
        }
    }
}
