using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>The tests' own PostGIS database (never the run database); ./test.sh sets CC_TEST_CONNECTION.</summary>
public static class TestDatabase
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("CC_TEST_CONNECTION") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=55432;Database=commandcenter_test;Username=postgres;Include Error Detail=true";

    /// <summary>A connection string for a sibling database with another name (for tests that need their own).</summary>
    public static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
}
