using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// The change follower reads the logs with <see cref="RowReader{TRow}"/> (plain Npgsql, columns from the EF model):
/// the rows must be exactly the ones EF reads, every property, nulls and arrays included.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class RowReaderTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task Log_rows_read_with_plain_Npgsql_are_the_rows_EF_reads()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-21");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        Assert.True((await member.ReportAsync(lon, lat, description: "行读取: 暴露垃圾")).IsSuccessStatusCode);
        Assert.True((await member.ReportAsync(lon, lat + 0.0002, category: "20201", description: "行读取: 第二件")).IsSuccessStatusCode);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var entity = $"row-reader-{Guid.NewGuid():N}"[..32];
        db.Changes.Add(new ChangeRow { Topic = ChangeTopics.IntakeBlock, EntityId = entity, Action = "updated", Actor = "test", At = DateTimeOffset.UtcNow, After = """{"reason": "测试"}""" });
        db.Changes.Add(new ChangeRow { Topic = ChangeTopics.IntakeBlock, EntityId = entity, Action = "retired", Actor = "test", At = DateTimeOffset.UtcNow, Before = """{"reason": "测试"}""" });
        await db.SaveChangesAsync();

        var events = new RowReader<CaseEventRow>(db.Model);
        var changes = new RowReader<ChangeRow>(db.Model);
        var byEf = await db.CaseEvents.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var changesByEf = await db.Changes.AsNoTracking().Where(c => c.EntityId == entity).OrderBy(c => c.Seq).ToListAsync();
        Assert.True(byEf.Count >= 2, $"{byEf.Count} case events");
        Assert.Equal(2, changesByEf.Count);
        Assert.Contains(byEf, e => e.PhotoIds.Length > 0 && e.Deadline is not null && e.Note is not null);

        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        var byReader = await ReadAsync(dataSource, $"SELECT {events.Columns} FROM {events.Table} ORDER BY {events.Column("Seq")}", events);
        var changesByReader = await ReadAsync(dataSource,
            $"SELECT {changes.Columns} FROM {changes.Table} WHERE {changes.Column("EntityId")} = '{entity}' ORDER BY {changes.Column("Seq")}", changes);

        Assert.Equal(JsonSerializer.Serialize(byEf), JsonSerializer.Serialize(byReader));
        Assert.Equal(JsonSerializer.Serialize(changesByEf), JsonSerializer.Serialize(changesByReader));
    }

    [Fact]
    public void An_entity_with_value_conversions_is_refused_rather_than_misread()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var refused = Assert.Throws<InvalidOperationException>(() => new RowReader<Case>(db.Model));
        Assert.Contains("value conversion", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string sql, RowReader<T> rows) where T : class
    {
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.Equal(rows.FieldCount, reader.FieldCount);
        return await rows.ReadAllAsync(reader);
    }
}
