using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Duty;

/// <summary>
/// 巡查: one patrol in patrol mode on the phone (start, pause, resume, end) and its GPS track. The track is cut
/// into segments, one per active span, so no distance is counted across a pause. Points are kept by their own
/// stamps: a late batch taken before a pause is still accepted after it.
/// </summary>
public sealed class PatrolSession
{
    private static readonly Dictionary<(PatrolState, PatrolMove), PatrolState> Moves = new()
    {
        [(PatrolState.NotStarted, PatrolMove.Start)] = PatrolState.Active,
        [(PatrolState.Active, PatrolMove.Pause)] = PatrolState.Paused,
        [(PatrolState.Active, PatrolMove.End)] = PatrolState.Ended,
        [(PatrolState.Paused, PatrolMove.Resume)] = PatrolState.Active,
        [(PatrolState.Paused, PatrolMove.End)] = PatrolState.Ended,
    };

    private readonly List<PatrolEvent> _events = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset? To)> _spans = [];
    private readonly List<List<PatrolPoint>> _segments = [];

    public PatrolState State { get; private set; } = PatrolState.NotStarted;

    public IReadOnlyList<PatrolEvent> Events => _events;

    public DateTimeOffset? StartedAt => _spans.Count > 0 ? _spans[0].From : null;

    public DateTimeOffset? EndedAt => State == PatrolState.Ended ? _events[^1].At : null;

    /// <summary>The accepted points, one list per active span that has any.</summary>
    public IReadOnlyList<IReadOnlyList<PatrolPoint>> Segments => _segments.Where(s => s.Count > 0).ToList();

    public IReadOnlyList<PatrolPoint> Points => _segments.SelectMany(s => s).ToList();

    /// <summary>Metres walked or driven: the sum over segments of the distances between consecutive points.</summary>
    public double DistanceMetres => _segments.Sum(segment =>
        segment.Zip(segment.Skip(1)).Sum(p => Distance(p.First, p.Second)));

    /// <summary>Rebuilds a stored session: its moves (which were allowed when made) and its accepted points.</summary>
    public static PatrolSession Restore(IEnumerable<PatrolEvent> events, IEnumerable<PatrolPoint> accepted)
    {
        var session = new PatrolSession();
        foreach (var e in events)
        {
            if (session.Make(e.Move, e.At) is { } error)
            {
                throw new ArgumentException($"Stored patrol move {e.Move} at {e.At:O} is not allowed: {error.Code}.", nameof(events));
            }
        }
        foreach (var point in accepted.OrderBy(p => p.At))
        {
            if (session.SpanOf(point.At) is { } span)
            {
                session._segments[span].Add(point);
            }
        }
        return session;
    }

    public FieldError? Start(DateTimeOffset at) => Make(PatrolMove.Start, at);

    public FieldError? Pause(DateTimeOffset at) => Make(PatrolMove.Pause, at);

    public FieldError? Resume(DateTimeOffset at) => Make(PatrolMove.Resume, at);

    public FieldError? End(DateTimeOffset at) => Make(PatrolMove.End, at);

    /// <summary>Makes a move, or says why it cannot be made now (and changes nothing).</summary>
    public FieldError? Make(PatrolMove move, DateTimeOffset at)
    {
        if (!Moves.TryGetValue((State, move), out var next))
        {
            return new FieldError("move", (State, move) switch
            {
                (PatrolState.Ended, _) => "PatrolEnded",
                (PatrolState.NotStarted, _) => "PatrolNotStarted",
                (_, PatrolMove.Start) => "PatrolAlreadyStarted",
                (PatrolState.Paused, _) => "PatrolAlreadyPaused",
                _ => "PatrolNotPaused",
            });
        }
        if (_events.Count > 0 && at < _events[^1].At)
        {
            return new FieldError("at", "PatrolMoveBeforeLast");
        }
        if (move is PatrolMove.Start or PatrolMove.Resume)
        {
            _spans.Add((at, null));
            _segments.Add([]);
        }
        else if (State == PatrolState.Active)
        {
            _spans[^1] = (_spans[^1].From, at);
        }
        _events.Add(new PatrolEvent(move, at));
        State = next;
        return null;
    }

    /// <summary>
    /// Filters a batch of posted points, in the order posted, and adds those kept to the track. A point is dropped when
    /// taken outside the patrol's active time, stamped in the future, outside the city, too inaccurate, not after the
    /// last accepted point, or too far from it for the time between.
    /// </summary>
    /// <param name="points">The batch, as posted.</param>
    /// <param name="isInsideCity">Whether a lon/lat lies inside the city (e.g. a prepared boundary's Contains).</param>
    /// <param name="receivedAt">When the server got the batch; without it no point counts as in the future.</param>
    /// <param name="rules">Thresholds; <see cref="PatrolPointRules.Default"/> when null.</param>
    public AcceptResult Accept(
        IEnumerable<PatrolPoint> points,
        Func<double, double, bool> isInsideCity,
        DateTimeOffset? receivedAt = null,
        PatrolPointRules? rules = null)
    {
        rules ??= PatrolPointRules.Default;
        var accepted = new List<PatrolPoint>();
        var dropped = Enum.GetValues<PatrolPointDropReason>().ToDictionary(r => r, _ => 0);
        var last = _segments.LastOrDefault(s => s.Count > 0)?[^1];
        foreach (var point in points)
        {
            var span = SpanOf(point.At);
            PatrolPointDropReason? reason =
                span is null ? PatrolPointDropReason.NotPatrolling
                : point.At > receivedAt + rules.ClockSkew ? PatrolPointDropReason.InFuture
                : !double.IsFinite(point.Lon) || !double.IsFinite(point.Lat) || !isInsideCity(point.Lon, point.Lat) ? PatrolPointDropReason.OutsideCity
                : point.AccuracyM is { } accuracy && !(accuracy >= 0 && accuracy <= rules.MaxAccuracyM) ? PatrolPointDropReason.Inaccurate
                : last is not null && point.At <= last.At ? PatrolPointDropReason.OutOfOrder
                : last is not null && Distance(last, point) / (point.At - last.At).TotalSeconds > rules.MaxSpeedMps ? PatrolPointDropReason.TooFast
                : null;
            if (reason is { } r)
            {
                dropped[r]++;
                continue;
            }
            _segments[span!.Value].Add(point);
            accepted.Add(point);
            last = point;
        }
        return new AcceptResult(accepted, dropped);
    }

    /// <summary>Time spent patrolling up to <paramref name="asOf"/> (start to end, less the pauses).</summary>
    public TimeSpan ActiveTime(DateTimeOffset asOf) => _spans.Aggregate(TimeSpan.Zero, (total, span) =>
    {
        var to = span.To is { } end && end < asOf ? end : asOf;
        return to > span.From ? total + (to - span.From) : total;
    });

    /// <summary>The track for the map: one line per segment of two points or more (a lone point draws no line).</summary>
    public MultiLineString ToMultiLineString(GeometryFactory factory) => factory.CreateMultiLineString(
        _segments.Where(s => s.Count >= 2)
            .Select(s => factory.CreateLineString(s.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray()))
            .ToArray());

    /// <summary>The active span covering an instant; a point stamped at the very moment of a pause still belongs to the span it ends.</summary>
    private int? SpanOf(DateTimeOffset at)
    {
        for (var i = 0; i < _spans.Count; i++)
        {
            if (at >= _spans[i].From && (_spans[i].To is not { } to || at <= to))
            {
                return i;
            }
        }
        return null;
    }

    private static double Distance(PatrolPoint a, PatrolPoint b) =>
        Geodesy.DistanceMetres(new Coordinate(a.Lon, a.Lat), new Coordinate(b.Lon, b.Lat));
}
