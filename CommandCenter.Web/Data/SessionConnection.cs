using System.Data;
using Npgsql;

namespace CommandCenter.Web.Data;

/// <summary>
/// A connection that holds session state for as long as it is open (an advisory lock that makes this instance the
/// leader, a LISTEN) and ends that state before it goes back to the pool: app connections are not reset when they are
/// returned (see <see cref="DatabaseConnection.Tune"/>), so a lock left on one would stay held by whichever request
/// borrowed it next, and this instance could never take it again from another connection.
/// </summary>
public sealed class SessionConnection : IAsyncDisposable
{
    private SessionConnection(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<SessionConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        new(await dataSource.OpenConnectionAsync(ct));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.FullState == ConnectionState.Open)
            {
                // No cancellation token: this runs as the app stops too.
                await using var end = new NpgsqlCommand("SELECT pg_advisory_unlock_all(); UNLISTEN *", Connection);
                await end.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Not known to be clean: the pool closes its connections instead of lending this one out again.
            NpgsqlConnection.ClearPool(Connection);
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }
}
