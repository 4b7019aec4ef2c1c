using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Duty;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Duty;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Duty;

/// <summary>
/// 巡查 from the phone: a road director (or a bureau leader on duty) starts, pauses, resumes and ends a patrol and posts
/// GPS points; <see cref="PatrolSession"/> drops the absurd ones (counted), the rest extend the track. Every accepted batch
/// is a change-log row, so every instance pushes <c>patrolMoved</c> to the wall and the map.
/// </summary>
public sealed class PatrolService(CommandCenterDb db, CityClock clock, CityGeography city, ChangeFollower follower)
{
    public const int MaxBatch = 1000;
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), CommandCenterDb.Srid);

    /// <summary>A posted GPS fix.</summary>
    public sealed record PointDto(double? Lon, double? Lat, DateTimeOffset? At, double? AccuracyM);

    /// <summary>What became of a batch: kept, dropped (per reason) and the track's length now.</summary>
    public sealed record PointsOutcome(int Accepted, int Dropped, IReadOnlyDictionary<string, int> DroppedByReason, double DistanceM);

    public static bool MayPatrol(Actor actor) => actor.Has(Role.RoadDirector) || actor.Has(Role.Leader);

    public async Task<(Refusal? Refused, PatrolRow? Patrol)> StartAsync(Actor actor, CancellationToken ct = default)
    {
        if (!MayPatrol(actor))
        {
            return (Refusal.Forbidden("OnlyRoadDirectorsPatrol"), null);
        }
        if (actor.PersonId is not { } personId)
        {
            return (Refusal.Forbidden("NoPersonOnAccount"), null);
        }
        if (await db.RunningPatrolOfAsync(actor.UserName, ct) is { } running)
        {
            return (Refusal.Conflict("PatrolAlreadyRunning", running), null);
        }
        var now = clock.UtcNow;
        var session = new PatrolSession();
        session.Start(now);
        var row = new PatrolRow
        {
            Id = Guid.NewGuid(), PersonId = personId, UserName = actor.UserName, PersonName = actor.DisplayName,
            State = PatrolRow.StateSlug(session.State), StartedAt = now, Moves = "[]", DroppedByReason = "{}",
        };
        row.SetEvents(session.Events);
        db.Patrols.Add(row);
        Record(row, "started", now);
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return (null, row);
    }

    /// <summary>Pause, resume or end; 409 when the move cannot be made now.</summary>
    public async Task<(Refusal? Refused, PatrolRow? Patrol)> MoveAsync(Guid id, PatrolMove move, Actor actor, CancellationToken ct = default)
    {
        var (refused, row) = await OwnAsync(id, actor, ct);
        if (refused is not null)
        {
            return (refused, null);
        }
        var now = clock.UtcNow;
        var session = PatrolSession.Restore(row!.Events(), []);
        if (session.Make(move, now) is { } error)
        {
            return (Refusal.Conflict(error.Code), null);
        }
        row.SetEvents(session.Events);
        row.State = PatrolRow.StateSlug(session.State);
        row.EndedAt = session.EndedAt;
        row.Version++;
        Record(row, move.ToString().ToLowerInvariant() + (move == PatrolMove.End ? "ed" : "d"), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (Refusal.Conflict("ChangedMeanwhile"), null);
        }
        follower.Poke();
        return (null, row);
    }

    /// <summary>Adds a batch of GPS points to the track; points outside the city, out of order or too fast are dropped and counted.</summary>
    public async Task<(Refusal? Refused, PointsOutcome? Outcome)> AddPointsAsync(Guid id, IReadOnlyList<PointDto>? points, Actor actor, CancellationToken ct = default)
    {
        if (points is null || points.Count == 0)
        {
            return (Refusal.Field("points", "Required"), null);
        }
        if (points.Count > MaxBatch)
        {
            return (Refusal.Field("points", "TooManyPoints", MaxBatch), null);
        }
        for (var attempt = 0; ; attempt++)
        {
            var (refused, row) = await OwnAsync(id, actor, ct);
            if (refused is not null)
            {
                return (refused, null);
            }
            var now = clock.UtcNow;
            var stored = await db.PatrolPoints.AsNoTracking().Where(p => p.PatrolId == id).OrderBy(p => p.At)
                .Select(p => new PatrolPoint(p.Lon, p.Lat, p.At, p.AccuracyM)).ToListAsync(ct);
            var session = PatrolSession.Restore(row!.Events(), stored);
            var result = session.Accept(points.Select(p => new PatrolPoint(p.Lon ?? double.NaN, p.Lat ?? double.NaN, p.At ?? now, p.AccuracyM)),
                (lon, lat) => lon is >= -180 and <= 180 && lat is >= -90 and <= 90 && city.Index.GridAt(Geo.CreatePoint(new Coordinate(lon, lat))) is not null,
                now);
            var dropped = row.Dropped();
            foreach (var (reason, count) in result.Dropped.Where(d => d.Value > 0))
            {
                var key = char.ToLowerInvariant(reason.ToString()[0]) + reason.ToString()[1..];
                dropped[key] = dropped.GetValueOrDefault(key) + count;
            }
            row.DroppedByReason = System.Text.Json.JsonSerializer.Serialize(dropped);
            row.DroppedPoints += result.DroppedCount;
            row.AcceptedPoints += result.Accepted.Count;
            row.DistanceM = Math.Round(session.DistanceMetres, 1);
            row.Version++;
            db.PatrolPoints.AddRange(result.Accepted.Select(p => new PatrolPointRow { PatrolId = id, Lon = p.Lon, Lat = p.Lat, At = p.At, AccuracyM = p.AccuracyM }));
            if (result.Accepted.Count > 0 && result.Accepted.MaxBy(p => p.At) is { } last)
            {
                (row.LastLon, row.LastLat, row.LastAt) = (last.Lon, last.Lat, last.At);
                db.Record(ChangeTopics.Patrol, id.ToString(), "moved", actor.UserName, now, after: new
                {
                    patrolId = id, person = row.PersonName, personId = row.PersonId, lon = last.Lon, lat = last.Lat, at = last.At,
                    distanceM = row.DistanceM, points = result.Accepted.OrderBy(p => p.At).Select(p => new[] { p.Lon, p.Lat }),
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another batch of the same patrol landed first: read it and filter this one against it.
                db.ChangeTracker.Clear();
                continue;
            }
            if (result.Accepted.Count > 0)
            {
                follower.Poke();
            }
            var byReason = result.Dropped.Where(d => d.Value > 0).ToDictionary(d => char.ToLowerInvariant(d.Key.ToString()[0]) + d.Key.ToString()[1..], d => d.Value);
            return (null, new PointsOutcome(result.Accepted.Count, result.DroppedCount, byReason, row.DistanceM));
        }
    }

    /// <summary>The patrol with its track, for its director and the city-wide desks and leaders; null when they may not read it.</summary>
    public async Task<PatrolRow?> ReadableAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var row = await db.Patrols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return row is not null && (row.UserName == actor.UserName || ReadScope.For(actor).IsCityWide) ? row : null;
    }

    /// <summary>A patrol's session rebuilt from its moves and stored points (track, distance, active time).</summary>
    public async Task<PatrolSession> SessionAsync(PatrolRow row, CancellationToken ct = default)
    {
        var stored = await db.PatrolPoints.AsNoTracking().Where(p => p.PatrolId == row.Id).OrderBy(p => p.At)
            .Select(p => new PatrolPoint(p.Lon, p.Lat, p.At, p.AccuracyM)).ToListAsync(ct);
        return PatrolSession.Restore(row.Events(), stored);
    }

    /// <summary>The track as the map draws it: one line, or several when paused between (no distance across a pause).</summary>
    public static Geometry Track(PatrolSession session)
    {
        var lines = session.ToMultiLineString(Geo);
        return lines.NumGeometries switch
        {
            0 => Geo.CreateLineString(),
            1 => lines.GetGeometryN(0),
            _ => lines,
        };
    }

    private async Task<(Refusal? Refused, PatrolRow? Row)> OwnAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var row = await db.Patrols.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null || (row.UserName != actor.UserName && !ReadScope.For(actor).IsCityWide))
        {
            return (Refusal.NotFound("NoSuchPatrol", id), null);
        }
        return row.UserName == actor.UserName ? (null, row) : (Refusal.Forbidden("NotYourPatrol"), null);
    }

    private void Record(PatrolRow row, string action, DateTimeOffset at) =>
        db.Record(ChangeTopics.Patrol, row.Id.ToString(), action, row.UserName, at, after: new
        {
            patrolId = row.Id, person = row.PersonName, personId = row.PersonId, state = row.State, lon = row.LastLon, lat = row.LastLat, at,
        });
}
