using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Streets;

/// <summary>
/// 逐级督办: how an overdue case on a street climbs its chain of chiefs (L3 → L2 → L1, domain.md §7.2).
/// The street's chief is alerted when the case goes overdue; each further <see cref="OverdueSpan"/> it stays
/// overdue alerts the chief one level up; an alert nobody acknowledges within <see cref="AcknowledgeTimeout"/>
/// goes one level up too. Escalation stops at the area chief (L1). Both spans are [D] settings.
/// </summary>
public sealed record EscalationPolicy(TimeLimit OverdueSpan, TimeLimit AcknowledgeTimeout)
{
    /// <summary>4 working hours per level; 30 natural minutes to acknowledge.</summary>
    public static EscalationPolicy Default { get; } = new(TimeLimit.WorkingHours(4), TimeLimit.NaturalMinutes(30));

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!(OverdueSpan.Value > 0) || !double.IsFinite(OverdueSpan.Value))
        {
            errors.Add(new FieldError("overdueSpan", "SpanNotPositive"));
        }
        if (!(AcknowledgeTimeout.Value > 0) || !double.IsFinite(AcknowledgeTimeout.Value))
        {
            errors.Add(new FieldError("acknowledgeTimeout", "SpanNotPositive"));
        }
        return errors;
    }

    /// <summary>
    /// The alerts a case that went overdue at <paramref name="overdueAt"/> will raise while it stays overdue:
    /// the first link of <paramref name="chain"/> at once, the n-th link after n overdue spans.
    /// </summary>
    /// <param name="overdueAt">When the case went overdue.</param>
    /// <param name="chain">The street's chiefs from the street's own chief upwards, as in charge when the case went overdue.</param>
    /// <param name="clock">The clock the spans are counted on.</param>
    public IReadOnlyList<PlannedAlert> PlanOverdueAlerts(DateTimeOffset overdueAt, IReadOnlyList<ChiefLink> chain, SlaClock clock)
    {
        RequireUpwards(chain);
        var alerts = new List<PlannedAlert>(chain.Count);
        for (var i = 0; i < chain.Count; i++)
        {
            // Measured from the moment it went overdue, so a late alert job does not push the next level back.
            var dueAt = i == 0 ? overdueAt : clock.Deadline(overdueAt, OverdueSpan with { Value = OverdueSpan.Value * i });
            alerts.Add(new PlannedAlert(chain[i].Level, chain[i].PersonId, dueAt));
        }
        return alerts;
    }

    /// <summary>
    /// Where an alert raised at <paramref name="raisedAt"/> to the chief at <paramref name="level"/> goes if nobody
    /// acknowledges it: the next chief up the chain, when the acknowledgement time runs out; null at the top.
    /// </summary>
    public PlannedAlert? EscalateUnacknowledged(RoadChiefLevel level, DateTimeOffset raisedAt, IReadOnlyList<ChiefLink> chain, SlaClock clock)
    {
        RequireUpwards(chain);
        if (level <= RoadChiefLevel.AreaChief)
        {
            return null;
        }
        // The next link above: a chain may skip a level nobody holds.
        var up = chain.FirstOrDefault(link => link.Level < level);
        return up is null ? null : new PlannedAlert(up.Level, up.PersonId, clock.Deadline(raisedAt, AcknowledgeTimeout));
    }

    private static void RequireUpwards(IReadOnlyList<ChiefLink> chain)
    {
        for (var i = 1; i < chain.Count; i++)
        {
            if (chain[i].Level >= chain[i - 1].Level)
            {
                throw new ArgumentException("The chain of chiefs must run upwards (L3 → L2 → L1).", nameof(chain));
            }
        }
    }
}
