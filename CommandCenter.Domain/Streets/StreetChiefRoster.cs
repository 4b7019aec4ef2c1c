using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Streets;

/// <summary>
/// 街巷长名册: every chief assignment of every street, kept for good (never deleted), so that any
/// moment can be traced to the chief in charge then. Within a street the assignment with the latest
/// <see cref="StreetChiefAssignment.EffectiveFrom"/> on or before a date is in charge; of several with
/// the same date the one recorded last (by <see cref="StreetChiefAssignment.AssignedAt"/>, then by order
/// of recording) corrects the others.
/// </summary>
public sealed class StreetChiefRoster
{
    private readonly Dictionary<string, List<Recorded>> _byStreet = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Loads assignments recorded earlier, as they are (they were validated when made).</summary>
    public StreetChiefRoster(IEnumerable<StreetChiefAssignment>? recorded = null)
    {
        foreach (var assignment in recorded ?? [])
        {
            Record(assignment);
        }
    }

    public IEnumerable<string> StreetIds => _byStreet.Keys;

    /// <summary>Every assignment of a street, oldest effective date first, corrections after what they correct.</summary>
    public IReadOnlyList<StreetChiefAssignment> History(string streetId) =>
        _byStreet.TryGetValue(streetId, out var list) ? list.Select(r => r.Assignment).ToList() : [];

    /// <summary>The assignment in charge of the street at a local moment, or null before its first chief.</summary>
    public StreetChiefAssignment? ChiefAt(string streetId, DateTime local)
    {
        if (!_byStreet.TryGetValue(streetId, out var list))
        {
            return null;
        }
        var date = DateOnly.FromDateTime(local);
        // The list is kept in order, so the last one not after the date is the one in charge.
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Assignment.EffectiveFrom <= date)
            {
                return list[i].Assignment;
            }
        }
        return null;
    }

    /// <summary>
    /// The chain of chiefs to alert for a case on the street at a local moment, from the street's chief
    /// upwards (e.g. L3 → L2 → L1). A supervisor's own supervisor is found from the street he is chief of
    /// at that moment; when he is chief of no street the chain ends with him.
    /// </summary>
    public IReadOnlyList<ChiefLink> ChainAt(string streetId, DateTime local)
    {
        var current = ChiefAt(streetId, local);
        if (current is null)
        {
            return [];
        }
        var chain = new List<ChiefLink> { new(current.RoadChiefLevel, current.PersonId) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { current.PersonId };
        while (current.RoadChiefLevel > RoadChiefLevel.AreaChief
            && current.SupervisorPersonId is { Length: > 0 } supervisorId
            && seen.Add(supervisorId))
        {
            var level = current.RoadChiefLevel - 1;
            chain.Add(new ChiefLink(level, supervisorId));
            current = _byStreet.Keys
                .Order(StringComparer.Ordinal)
                .Select(id => ChiefAt(id, local))
                .FirstOrDefault(a => a is not null && a.PersonId == supervisorId && a.RoadChiefLevel == level);
            if (current is null)
            {
                break;
            }
        }
        return chain;
    }

    /// <summary>Why the assignment cannot be made (empty when it can). Whether the people exist is the caller's check.</summary>
    public IReadOnlyList<FieldError> Validate(StreetChiefAssignment next)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(next.StreetId))
        {
            errors.Add(new FieldError("streetId", "Required"));
        }
        if (string.IsNullOrWhiteSpace(next.PersonId))
        {
            errors.Add(new FieldError("personId", "Required"));
        }
        if (!Enum.IsDefined(next.Level))
        {
            errors.Add(new FieldError("level", "UnknownStreetChiefLevel"));
        }
        if (!Enum.IsDefined(next.RoadChiefLevel))
        {
            errors.Add(new FieldError("roadChiefLevel", "UnknownRoadChiefLevel"));
        }
        else if (next.RoadChiefLevel == RoadChiefLevel.AreaChief)
        {
            if (!string.IsNullOrWhiteSpace(next.SupervisorPersonId))
            {
                errors.Add(new FieldError("supervisorPersonId", "AreaChiefHasNoSupervisor"));
            }
        }
        else if (string.IsNullOrWhiteSpace(next.SupervisorPersonId))
        {
            errors.Add(new FieldError("supervisorPersonId", "SupervisorRequired"));
        }
        else if (next.SupervisorPersonId == next.PersonId)
        {
            errors.Add(new FieldError("supervisorPersonId", "SupervisorIsChief"));
        }

        var deputies = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < next.DeputyPersonIds.Count; i++)
        {
            var deputy = next.DeputyPersonIds[i];
            var field = $"deputyPersonIds[{i}]";
            if (string.IsNullOrWhiteSpace(deputy))
            {
                errors.Add(new FieldError(field, "Required"));
            }
            else if (deputy == next.PersonId)
            {
                errors.Add(new FieldError(field, "DeputyIsChief"));
            }
            else if (!deputies.Add(deputy))
            {
                errors.Add(new FieldError(field, "DeputyRepeated"));
            }
        }

        // History runs forward: a new chief may start on the latest date (a correction) or later, never earlier.
        var latest = next.StreetId is not null && _byStreet.TryGetValue(next.StreetId, out var list)
            ? list[^1].Assignment.EffectiveFrom
            : (DateOnly?)null;
        if (next.EffectiveFrom < latest)
        {
            errors.Add(new FieldError("effectiveFrom", "EffectiveDateBeforeCurrent",
                latest.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return errors;
    }

    /// <summary>Validates and, when there is nothing to refuse, records the assignment.</summary>
    public IReadOnlyList<FieldError> Reassign(StreetChiefAssignment next)
    {
        var errors = Validate(next);
        if (errors.Count == 0)
        {
            Record(next);
        }
        return errors;
    }

    private void Record(StreetChiefAssignment assignment)
    {
        if (!_byStreet.TryGetValue(assignment.StreetId, out var list))
        {
            _byStreet[assignment.StreetId] = list = [];
        }
        var entry = new Recorded(assignment, _sequence++);
        var index = list.FindLastIndex(r => Recorded.Order.Compare(r, entry) <= 0);
        list.Insert(index + 1, entry);
    }

    private sealed record Recorded(StreetChiefAssignment Assignment, long Sequence)
    {
        public static readonly Comparer<Recorded> Order = Comparer<Recorded>.Create((a, b) =>
        {
            var byDate = a.Assignment.EffectiveFrom.CompareTo(b.Assignment.EffectiveFrom);
            if (byDate != 0)
            {
                return byDate;
            }
            var byRecording = a.Assignment.AssignedAt.CompareTo(b.Assignment.AssignedAt);
            return byRecording != 0 ? byRecording : a.Sequence.CompareTo(b.Sequence);
        });
    }
}
