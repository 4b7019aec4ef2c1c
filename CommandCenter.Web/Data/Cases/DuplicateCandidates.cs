using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// The candidates for <see cref="DuplicateFinder"/>: open cases of the same category within about 100 m reported since a
/// given instant. PostGIS narrows the search with its indexes; the domain rule decides (50 m). Read in the intake's own
/// batch (<see cref="CaseInsert"/>) or on its own (the hotline's hint before saving).
/// </summary>
public static class DuplicateCandidates
{
    /// <summary>Six columns, which is how <see cref="CaseInsert"/> tells these rows from the others in its batch.</summary>
    public const int Columns = 6;

    private const string Sql = """
        SELECT id, number, state, category_code, location, reported_at FROM cases
        WHERE category_code = @dc AND reported_at >= @ds AND state = ANY (@dopen) AND ST_DWithin(location, @dl, 0.001)
        """;

    private static readonly string[] OpenStates = [.. CaseStates.Open.Select(st => st.Slug())];

    public static NpgsqlBatchCommand Command(string categoryCode, Point location, DateTimeOffset since)
    {
        var cmd = new NpgsqlBatchCommand(Sql);
        cmd.Parameters.AddWithValue("dc", categoryCode);
        cmd.Parameters.AddWithValue("ds", since);
        cmd.Parameters.AddWithValue("dopen", OpenStates);
        cmd.Parameters.AddWithValue("dl", location);
        return cmd;
    }

    /// <summary>The case of the reader's current row (only what the finder and the hint read).</summary>
    public static Case Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Number = r.GetString(1),
        State = CaseStates.TryParse(r.GetString(2), out var state) ? state : throw new InvalidOperationException($"Unknown case state {r.GetString(2)}"),
        CategoryCode = r.GetString(3), Location = r.GetFieldValue<Point>(4), ReportedAt = r.GetFieldValue<DateTimeOffset>(5),
        Description = "", GridCode = "", DutyGridCode = "", CommunityCode = "", SubdistrictCode = "",
    };

    /// <summary>The candidates on their own, on the context's connection.</summary>
    public static async Task<IReadOnlyList<Case>> ReadAsync(CommandCenterDb db, string categoryCode, Point location, DateTimeOffset since, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Command(categoryCode, location, since) } };
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var found = new List<Case>();
            while (await reader.ReadAsync(ct))
            {
                found.Add(Read(reader));
            }
            return found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
