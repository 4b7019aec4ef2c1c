using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Enforcement;

/// <summary>
/// 首违免罚 at registration: whether a party's offence is a lenient warning with a correction deadline, a repeat that is
/// penalised, or off the list. <see cref="RepeatOf"/> is the prior offence that made it a repeat.
/// </summary>
public sealed record LeniencyDecision(LeniencyOutcome Outcome, LeniencyItem? Item, DateTimeOffset? CorrectionDeadline, PartyOffence? RepeatOf)
{
    /// <summary>
    /// First offence of a listed kind (no offence of the same party under the same item in the last <see cref="LeniencyItem.LookBackDays"/>
    /// days, exactly that many days ago no longer counting) → Warning, deadline = <paramref name="at"/> + the item's correction limit on
    /// <paramref name="clock"/>; a repeat → Penalty; a minor item → Warning whatever the history; not on the list → NotApplicable.
    /// </summary>
    /// <param name="party">The party (see <see cref="PartyKey"/>).</param>
    /// <param name="categoryCode">The case category.</param>
    /// <param name="at">When the offence was found.</param>
    /// <param name="priorOffences">The party's recorded offences (others' and later ones are ignored).</param>
    /// <param name="catalogue">The tenant's leniency list.</param>
    /// <param name="clock">For working-day correction limits.</param>
    public static LeniencyDecision Decide(PartyKey party, string categoryCode, DateTimeOffset at, IEnumerable<PartyOffence> priorOffences,
        LeniencyCatalogue catalogue, SlaClock clock)
    {
        var item = catalogue.ItemFor(categoryCode);
        if (item is null)
        {
            return new LeniencyDecision(LeniencyOutcome.NotApplicable, null, null, null);
        }
        if (item.Kind == LeniencyKind.First)
        {
            var since = at - TimeSpan.FromDays(item.LookBackDays);
            var repeat = priorOffences
                .Where(o => o.Party == party && o.At > since && o.At < at && item.Covers(o.CategoryCode))
                .OrderByDescending(o => o.At)
                .FirstOrDefault();
            if (repeat is not null)
            {
                return new LeniencyDecision(LeniencyOutcome.Penalty, item, null, repeat);
            }
        }
        return new LeniencyDecision(LeniencyOutcome.Warning, item, clock.Deadline(at, item.CorrectionLimit), null);
    }
}
