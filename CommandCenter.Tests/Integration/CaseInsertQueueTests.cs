using CommandCenter.Domain.Cases;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Reports are written a batch at a time (<see cref="CaseInsertQueue"/>): those queued together share a transaction, and
/// one the database refuses must not take the others down with it.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CaseInsertQueueTests(CommandCenterFactory app) : CityTest(app)
{
    private static readonly Actor Desk = new("intake", "受理员", new HashSet<Role> { Role.Intake });

    [Fact]
    public async Task A_report_the_database_refuses_fails_alone_and_those_queued_with_it_are_written_with_their_numbers()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var rules = await scope.ServiceProvider.GetRequiredService<CaseRulesProvider>().CurrentAsync();
        var queue = App.Services.GetRequiredService<CaseInsertQueue>();
        var grid = await db.UnitGrids.AsNoTracking().OrderBy(g => g.Code).FirstAsync();
        var now = App.Time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

        // Queued one after another without waiting, as concurrent requests are: the fourth has a grid code longer than
        // its column, which only PostgreSQL refuses (22001).
        var reports = Enumerable.Range(0, 6).Select(i => Report(i == 3 ? new string('9', 40) : grid.Code, grid.Geom.InteriorPoint, i, now, rules)).ToList();
        var writes = reports.Select(r => queue.InsertAsync(() => db.Model, r.Case, r.Event, day, intake: null, now.AddHours(-1), CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return null;
            }
            catch (PostgresException ex)
            {
                return ex;
            }
        }));

        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, outcomes[3]?.SqlState);
        var written = reports.Where((_, i) => i != 3).ToList();
        Assert.All(outcomes.Where((_, i) => i != 3), Assert.Null);
        Assert.All(written, r => Assert.StartsWith(day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), r.Case.Number));
        Assert.Equal(5, written.Select(r => r.Case.Number).Distinct().Count());
        Assert.All(written, r => Assert.True(r.Event.Seq > 0));
        // In the tables: each written case with its audit line under its number, the refused one not at all.
        var ids = reports.Select(r => r.Case.Id).ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync();
        Assert.Equal(written.Select(r => (r.Case.Id, r.Case.Number)).Order(), rows.Select(r => (r.Id, r.Number)).Order());
        var events = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).Select(e => new { e.CaseId, e.CaseNumber, e.Seq }).ToListAsync();
        Assert.Equal(written.Select(r => (r.Case.Id, r.Case.Number, r.Event.Seq)).Order(), events.Select(e => (e.CaseId, e.CaseNumber, e.Seq)).Order());
    }

    private static (Case Case, CaseEventRow Event) Report(string gridCode, Point at, int i, DateTimeOffset now, CaseRulesProvider.Snapshot rules)
    {
        var category = rules.Categories["20201"];
        var c = new Case
        {
            Id = Guid.NewGuid(), Number = "", State = CaseState.Draft, CategoryCode = category.Code, Source = CaseSource.Hotline12345,
            Description = $"批量写入 {i}", Address = "测试地址", Reporter = Desk.DisplayName, Location = at,
            GridCode = gridCode, DutyGridCode = "DG", CommunityCode = gridCode[..Math.Min(12, gridCode.Length)], SubdistrictCode = gridCode[..9],
            DepartmentCode = category.DepartmentCode, ReportedAt = now, UpdatedAt = now,
        };
        var (done, refused) = CaseWorkflow.Report(c, Desk, new CaseActionInput { Note = c.Description }, rules.For(c.CategoryCode), now);
        Assert.Null(refused);
        return (c, CaseEventRows.From(c, done!, fromState: null, previousDepartment: null, rules));
    }
}
