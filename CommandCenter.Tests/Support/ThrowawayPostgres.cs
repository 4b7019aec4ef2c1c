using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>
/// A PostgreSQL + PostGIS cluster of the test's own, in a temporary folder on a free loopback port (initdb as the
/// postgres user, as scripts/setup.sh does), so a test may restart it without disturbing the shared cluster.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin = Environment.GetEnvironmentVariable("CC_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
    private readonly string _data;

    private ThrowawayPostgres(string data, int port)
    {
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true";

    public static async Task<ThrowawayPostgres> StartAsync(string database)
    {
        var root = Directory.CreateTempSubdirectory("cc-pg-").FullName;
        var data = Path.Combine(root, "data");
        await RunAsync("chmod", $"755 {root}");
        Directory.CreateDirectory(data);
        await RunAsync("chown", $"postgres:postgres {data}");
        await RunAsync("chmod", $"700 {data}");
        var cluster = new ThrowawayPostgres(data, FreePort());
        await cluster.AsPostgresAsync("initdb", $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        await cluster.PgCtlAsync("start");
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary><c>pg_ctl stop -m fast</c>: every connection is cut, as in a restart or a failover.</summary>
    public Task StopAsync() => PgCtlAsync("stop");

    public Task StartAgainAsync() => PgCtlAsync("start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", $"-D {_data} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    private Task PgCtlAsync(string verb) => AsPostgresAsync("pg_ctl", verb == "stop"
        ? $"-D {_data} -m fast -w -t 60 stop"
        : $"-D {_data} -l {_data}/server.log -w -t 60 -o \"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=100 -c fsync=off\" start");

    private Task AsPostgresAsync(string tool, string arguments) =>
        Environment.UserName == "postgres"
            ? RunAsync(Path.Combine(_bin, tool), arguments)
            : RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}");

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
