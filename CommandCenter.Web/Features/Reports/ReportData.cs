using CommandCenter.Domain.Analytics;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Web.Features.Analytics;
using CommandCenter.Web.Features.Evaluation;
using static CommandCenter.Web.Features.Evaluation.EvaluationCountQueries;

namespace CommandCenter.Web.Features.Reports;

/// <summary>What the 周研判 and the 月考评小结 show: the evaluation tables, 红黑榜, practices, trends and hotspots of one period.</summary>
public sealed record ReportData(
    EvaluationPeriod Period,
    EvaluationTable Departments,
    EvaluationTable Subdistricts,
    IReadOnlyList<RedBlackBoard> Boards,
    Practices Practices,
    Trend ByCategory,
    Trend BySource,
    Trend ByDepartment,
    Trend Daily,
    IReadOnlyDictionary<string, long> Heat,
    IReadOnlyList<RepeatProblem> Repeats);

/// <summary>Gathers a <see cref="ReportData"/>, each part in its own scope (fresh DbContext) as the pages do.</summary>
public sealed class ReportBuilder(IServiceScopeFactory scopes)
{
    public async Task<ReportData> BuildAsync(EvaluationPeriod period, TrendInterval compareBy, ReadScope reader, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var evaluation = services.GetRequiredService<EvaluationService>();
        var analytics = services.GetRequiredService<AnalyticsQueries>();
        var names = services.GetRequiredService<AnalyticsNames>();
        var departments = await evaluation.DepartmentsAsync(period, reader, ct);
        var subdistricts = await evaluation.RegionsAsync(RegionLevel.Subdistrict, period, reader, ct);
        var boards = period.Kind == EvaluationPeriodKind.Month ? await evaluation.RedBlackBoardsAsync(period, reader, ct) : [];
        var (from, to) = evaluation.Instants(period);
        var practices = await evaluation.PracticesAsync(from, to, reader, ct);
        async Task<Trend> TrendOf(string by, TrendInterval interval) => await analytics.TrendAsync(by, interval, period, reader, await names.ForAsync(by, ct), ct);
        var hotspots = await analytics.HotspotsAsync(period, null, reader, RepeatProblemRule.Defaults, ct);
        return new ReportData(period, departments, subdistricts, boards, practices,
            await TrendOf("category", compareBy), await TrendOf("source", compareBy), await TrendOf("department", compareBy),
            await TrendOf("category", TrendInterval.Day),
            hotspots.Heat, hotspots.Repeats);
    }
}
