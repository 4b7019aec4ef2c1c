using Npgsql;

namespace CommandCenter.Web.Data;

/// <summary>The connection settings the app runs with, whatever the configured connection string leaves out.</summary>
public static class DatabaseConnection
{
    /// <summary>
    /// Keeps a few connections open and their statements prepared: a fresh backend pays tens of milliseconds to plan
    /// its first PostGIS query, which intake must not pay per request.
    /// </summary>
    /// <summary>
    /// The connection string with its database replaced by <c>Database:Name</c> when that is set, so one server's
    /// settings serve several databases (<c>Database__Name=commandcenter_scale</c> for the city-scale data).
    /// </summary>
    public static string WithDatabase(string connectionString, string? database)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = database.Trim() }.ConnectionString;
    }

    public static string Tune(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0)
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }
        if (b.MinPoolSize == 0)
        {
            b.MinPoolSize = 4;
        }
        return b.ConnectionString;
    }
}
