using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Enforcement;
using CommandCenter.Domain.Evaluation;
using Npgsql;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>The bureau's practices as figures over a period (domain.md §6.2, §8): 721 ratio, 首违不罚 share, patrol funnel, satisfaction, time per stage.</summary>
public sealed record Practices(
    Resolution721Ratio Resolution721,
    LeniencyShare Leniency,
    PatrolFunnel Funnel,
    long FunnelFiled,
    SatisfactionCounts Satisfaction,
    IReadOnlyList<StageDuration> Stages);

/// <summary>Computes <see cref="Practices"/> with SQL aggregates over the reader's events.</summary>
public sealed class PracticeFigures(EvaluationCountQueries queries, EvaluationSettingsStore settings)
{
    private static readonly string[] StepOrder = ["accept", "verify", "file", "dispatch", "handle", "send-check", "check", "close"];

    public async Task<Practices> OfAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct = default)
    {
        long service = 0, management = 0, enforcement = 0, catalogue = 0, lenient = 0;
        var leniencyCategories = LeniencyCatalogue.Default.Items.SelectMany(i => i.CategoryCodes).ToArray();
        // Resolved in the period: closes and approved on-the-spot fixes, by the case's 721 tag.
        await queries.ReadAsync("""
            WITH ev AS NOT MATERIALIZED (SELECT * FROM case_events WHERE {visible})
            SELECT c.resolution, count(*),
                count(*) FILTER (WHERE c.category_code = ANY(@leniency)),
                count(*) FILTER (WHERE c.category_code = ANY(@leniency) AND c.leniency_outcome = 'warning')
            FROM ev e JOIN cases c ON c.id = e.case_id
            WHERE e.action IN ('close', 'approve-self-handled') AND e.at >= @from AND e.at < @to AND c.resolution IS NOT NULL
            GROUP BY c.resolution
            """, from, to, now, scope, r =>
        {
            var n = r.GetInt64(1);
            switch (r.GetString(0))
            {
                case "service": service = n; break;
                case "management": management = n; break;
                default:
                    enforcement = n;
                    catalogue = r.GetInt64(2);
                    lenient = r.GetInt64(3);
                    break;
            }
        }, ct, new NpgsqlParameter("leniency", leniencyCategories));

        long found = 0, onTheSpot = 0, filed = 0;
        await queries.ReadAsync("""
            WITH ev AS NOT MATERIALIZED (SELECT * FROM case_events WHERE {visible})
            SELECT count(*),
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev x WHERE x.case_id = p.case_id AND x.action = 'approve-self-handled')),
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev x WHERE x.case_id = p.case_id AND x.action = 'file'))
            FROM ev p WHERE p.action = 'report' AND p.source IN ('patrol', 'roaddirector') AND p.at >= @from AND p.at < @to
            """, from, to, now, scope, r => (found, onTheSpot, filed) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct);

        long satisfied = 0, basic = 0, dissatisfied = 0;
        var (casesVisible, _) = Data.Cases.ReadScopeQueries.CasesSql(scope, "c");
        await queries.ReadAsync($"""
            SELECT c.satisfaction, count(*) FROM cases c
            WHERE c.satisfaction_at >= @from AND c.satisfaction_at < @to AND c.satisfaction IS NOT NULL AND {casesVisible}
            GROUP BY 1
            """, from, to, now, scope, r =>
        {
            switch (r.GetString(0))
            {
                case "satisfied": satisfied = r.GetInt64(1); break;
                case "basic": basic = r.GetInt64(1); break;
                case "dissatisfied": dissatisfied = r.GetInt64(1); break;
            }
        }, ct);

        // Natural hours per step: from the event that started it to the one that finished it (a restore only restarts the clock).
        var stages = new Dictionary<string, StageDuration>(StringComparer.Ordinal);
        await queries.ReadAsync("""
            WITH b AS (
                SELECT at, action, finished_step, lag(at) OVER (PARTITION BY case_id ORDER BY seq) AS started
                FROM case_events
                WHERE (finished_step IS NOT NULL OR action = 'report') AND at >= @from - interval '120 days' AND at < @to AND {visible})
            SELECT finished_step, coalesce(sum(extract(epoch FROM at - started)) / 3600.0, 0), count(*)
            FROM b WHERE finished_step IS NOT NULL AND started IS NOT NULL AND at >= @from AND action <> 'restore'
            GROUP BY 1
            """, from, to, now, scope, r => stages[r.GetString(0)] = new StageDuration(r.GetString(0), r.GetDouble(1), r.GetInt64(2)), ct);

        var target = (await settings.CurrentAsync(ct)).Resolution721Target;
        return new Practices(
            Resolution721Ratio.Of(new Resolution721Counts { Service = service, Management = management, Enforcement = enforcement }, target),
            new LeniencyShare { CatalogueEnforcementCases = catalogue, LeniencyCloses = lenient },
            new PatrolFunnel { Found = found, FixedOnTheSpot = onTheSpot },
            filed,
            new SatisfactionCounts { Satisfied = satisfied, BasicallySatisfied = basic, Dissatisfied = dissatisfied },
            StepOrder.Select(s => stages.GetValueOrDefault(s) ?? new StageDuration(s, 0, 0)).ToList());
    }
}
