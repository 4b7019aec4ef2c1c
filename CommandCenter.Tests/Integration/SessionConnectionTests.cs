using CommandCenter.Tests.Support;
using CommandCenter.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// App connections go back to the pool unreset (DatabaseConnection.Tune); a connection that took a session lock or a
/// LISTEN ends them when it is disposed, so no borrowed connection holds a leader's lock afterwards.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class SessionConnectionTests(CommandCenterFactory app) : CityTest(app)
{
    private const long Key = 990_001;

    [Fact]
    public async Task A_session_connection_releases_its_advisory_lock_and_listen_before_the_pool_lends_it_again()
    {
        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.True(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).NoResetOnClose);
        int backend;
        await using (var session = await SessionConnection.OpenAsync(dataSource, CancellationToken.None))
        {
            backend = session.Connection.ProcessID;
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key}); LISTEN cc_session_test", session.Connection);
            await take.ExecuteNonQueryAsync();
            Assert.Equal(1L, await HeldAsync(dataSource, backend));
        }

        Assert.Equal(0L, await HeldAsync(dataSource, backend));
        // Another session can take the lock now, and the backend that held it listens to nothing.
        await using var other = await dataSource.OpenConnectionAsync();
        await using (var again = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", other))
        {
            Assert.True((bool)(await again.ExecuteScalarAsync())!);
        }
        await using (var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", other))
        {
            await unlock.ExecuteScalarAsync();
        }
    }

    [Fact]
    public async Task A_plain_connection_returned_unreset_keeps_no_transaction_open()
    {
        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var write = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS cc_unreset_probe (x int)", connection, tx);
            await write.ExecuteNonQueryAsync();
            // Disposed without commit: the pool rolls it back even without a reset.
        }
        await using var next = await dataSource.OpenConnectionAsync();
        await using var state = new NpgsqlCommand("SELECT to_regclass('pg_temp.cc_unreset_probe') IS NULL, txid_current_if_assigned() IS NULL", next);
        await using var reader = await state.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetBoolean(0));
        Assert.True(reader.GetBoolean(1));
    }

    /// <summary>Advisory locks with this key held by a backend, seen from another session.</summary>
    private static async Task<long> HeldAsync(NpgsqlDataSource dataSource, int backend)
    {
        await using var probe = await dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = @pid AND objid = @key)
            """, probe);
        cmd.Parameters.AddWithValue("pid", backend);
        cmd.Parameters.AddWithValue("key", (long)(uint)Key);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
