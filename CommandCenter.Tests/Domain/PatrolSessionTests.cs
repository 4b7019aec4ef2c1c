using CommandCenter.Domain.Duty;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Domain;

/// <summary>A road director's patrol around 新街口 (the demo city spans lon 118.764–118.796, lat 32.036–32.052).</summary>
public sealed class PatrolSessionTests
{
    private static readonly Envelope City = new(118.764, 118.796, 32.036, 32.052);

    private static bool InsideCity(double lon, double lat) => City.Contains(lon, lat);

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2026, 11, 24, hour, minute, second, TimeSpan.FromHours(8));

    private static PatrolPoint Point(double lon, double lat, DateTimeOffset at, double? accuracy = 8) => new(lon, lat, at, accuracy);

    private static PatrolSession Started(DateTimeOffset at)
    {
        var session = new PatrolSession();
        Assert.Null(session.Start(at));
        return session;
    }

    [Fact]
    public void The_distance_of_a_walk_east_along_a_parallel_matches_the_hand_computation()
    {
        var session = Started(At(9, 0));

        var result = session.Accept(
            [Point(118.7814, 32.0434, At(9, 0, 0)), Point(118.7824, 32.0434, At(9, 1, 0)), Point(118.7834, 32.0434, At(9, 2, 0))],
            InsideCity);

        Assert.Equal(3, result.Accepted.Count);
        Assert.Equal(0, result.DroppedCount);
        // Geodesy: 0.002° of longitude × 111 320 m × cos(32.0434°) = 222.64 × 0.847664 = 188.72 m (lat unchanged).
        Assert.Equal(188.72, session.DistanceMetres, 2);
    }

    [Fact]
    public void No_distance_is_counted_across_a_pause_and_the_pause_is_not_patrol_time()
    {
        var session = Started(At(9, 0));
        session.Accept([Point(118.7814, 32.0434, At(9, 0, 10)), Point(118.7834, 32.0434, At(9, 2, 0))], InsideCity);
        Assert.Null(session.Pause(At(9, 3)));
        Assert.Null(session.Resume(At(9, 10)));
        session.Accept([Point(118.7834, 32.0444, At(9, 10, 30)), Point(118.7834, 32.0454, At(9, 12, 0))], InsideCity);
        Assert.Null(session.End(At(9, 20)));

        // 188.72 m east before the pause; after it 0.001° north = 110.574 m. The 110.574 m from the last point before
        // the pause to the first after it is not walked on patrol.
        Assert.Equal(188.72 + 110.574, session.DistanceMetres, 2);
        Assert.Equal(2, session.Segments.Count);
        Assert.Equal(TimeSpan.FromMinutes(3 + 10), session.ActiveTime(At(18, 0)));
        Assert.Equal((At(9, 0), At(9, 20)), (session.StartedAt, session.EndedAt));

        var track = session.ToMultiLineString(new GeometryFactory());
        Assert.Equal(2, track.NumGeometries);
        Assert.Equal(new Coordinate(118.7834, 32.0444), track.GetGeometryN(1).Coordinates[0]);
    }

    [Fact]
    public void Every_dropped_point_is_counted_under_its_reason_and_not_kept()
    {
        var session = Started(At(9, 0));
        var first = Point(118.7814, 32.0434, At(9, 0, 10));
        var second = Point(118.7834, 32.0434, At(9, 1, 10)); // 188.72 m in 60 s: 3.1 m/s

        var result = session.Accept(
            [
                Point(118.7810, 32.0434, At(8, 59, 50)),               // before the start
                first,
                Point(118.9000, 32.0434, At(9, 0, 15)),                // east of the city
                Point(double.NaN, 32.0434, At(9, 0, 16)),              // not a coordinate
                Point(118.7815, 32.0434, At(9, 0, 17), accuracy: 350), // worse than 200 m
                first,                                                  // posted twice
                Point(118.7813, 32.0434, At(9, 0, 5)),                 // older than the last kept
                Point(118.7914, 32.0434, At(9, 0, 20)),                // 943.6 m in 10 s: 94 m/s
                second,
                Point(118.7836, 32.0434, At(9, 10, 0)),                // stamped eight minutes ahead of the server
            ],
            InsideCity,
            receivedAt: At(9, 2));

        Assert.Equal([first, second], result.Accepted);
        Assert.Equal(1, result.DroppedFor(PatrolPointDropReason.NotPatrolling));
        Assert.Equal(2, result.DroppedFor(PatrolPointDropReason.OutsideCity));
        Assert.Equal(1, result.DroppedFor(PatrolPointDropReason.Inaccurate));
        Assert.Equal(2, result.DroppedFor(PatrolPointDropReason.OutOfOrder));
        Assert.Equal(1, result.DroppedFor(PatrolPointDropReason.TooFast));
        Assert.Equal(1, result.DroppedFor(PatrolPointDropReason.InFuture));
        Assert.Equal(8, result.DroppedCount);
        Assert.Equal([first, second], session.Points);
        Assert.Equal(188.72, session.DistanceMetres, 2);
    }

    [Fact]
    public void A_jump_is_judged_from_the_last_kept_point_so_the_track_recovers()
    {
        var session = Started(At(9, 0));

        // A fix 943.6 m off after 10 s is dropped; the walk carries on from the last kept point.
        var result = session.Accept(
            [Point(118.7814, 32.0434, At(9, 0, 0)), Point(118.7914, 32.0434, At(9, 0, 10)), Point(118.7816, 32.0434, At(9, 0, 20))],
            InsideCity);

        Assert.Equal(2, result.Accepted.Count);
        Assert.Equal(1, result.DroppedFor(PatrolPointDropReason.TooFast));
    }

    [Fact]
    public void Points_taken_during_a_pause_or_after_the_end_are_dropped_but_a_late_batch_from_before_the_pause_is_kept()
    {
        var session = Started(At(9, 0));
        session.Pause(At(9, 5));

        var late = session.Accept([Point(118.7814, 32.0434, At(9, 4, 50)), Point(118.7815, 32.0434, At(9, 5, 0))], InsideCity);
        var paused = session.Accept([Point(118.7816, 32.0434, At(9, 6, 0))], InsideCity);
        session.End(At(9, 30));
        var after = session.Accept([Point(118.7816, 32.0434, At(9, 31, 0))], InsideCity);

        Assert.Equal(2, late.Accepted.Count); // the point stamped at the very moment of the pause still counts
        Assert.Equal(1, paused.DroppedFor(PatrolPointDropReason.NotPatrolling));
        Assert.Equal(1, after.DroppedFor(PatrolPointDropReason.NotPatrolling));
        // Ended while paused: only 09:00–09:05 was patrolled.
        Assert.Equal(TimeSpan.FromMinutes(5), session.ActiveTime(At(12, 0)));
    }

    [Fact]
    public void A_patrol_in_progress_counts_its_time_up_to_now()
    {
        var session = Started(At(9, 0));
        session.Pause(At(9, 20));
        session.Resume(At(9, 30));

        Assert.Equal(TimeSpan.FromMinutes(15), session.ActiveTime(At(9, 15)));
        Assert.Equal(TimeSpan.FromMinutes(20), session.ActiveTime(At(9, 25)));
        Assert.Equal(TimeSpan.FromMinutes(35), session.ActiveTime(At(9, 45)));
        Assert.Null(session.EndedAt);
    }

    [Theory]
    [InlineData(new PatrolMove[] { }, PatrolMove.Pause, "PatrolNotStarted")]
    [InlineData(new PatrolMove[] { }, PatrolMove.End, "PatrolNotStarted")]
    [InlineData(new[] { PatrolMove.Start }, PatrolMove.Start, "PatrolAlreadyStarted")]
    [InlineData(new[] { PatrolMove.Start }, PatrolMove.Resume, "PatrolNotPaused")]
    [InlineData(new[] { PatrolMove.Start, PatrolMove.Pause }, PatrolMove.Pause, "PatrolAlreadyPaused")]
    [InlineData(new[] { PatrolMove.Start, PatrolMove.Pause }, PatrolMove.Start, "PatrolAlreadyStarted")]
    [InlineData(new[] { PatrolMove.Start, PatrolMove.End }, PatrolMove.Resume, "PatrolEnded")]
    [InlineData(new[] { PatrolMove.Start, PatrolMove.End }, PatrolMove.Start, "PatrolEnded")]
    public void Illegal_moves_are_refused_and_change_nothing(PatrolMove[] before, PatrolMove move, string code)
    {
        var session = new PatrolSession();
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Null(session.Make(before[i], At(9, i)));
        }
        var state = session.State;

        var error = session.Make(move, At(10, 0));

        Assert.Equal(("move", code), (error!.Field, error.Code));
        Assert.Equal(state, session.State);
        Assert.Equal(before.Length, session.Events.Count);
    }

    [Fact]
    public void A_move_cannot_be_dated_before_the_previous_one()
    {
        var session = Started(At(9, 0));

        var error = session.Pause(At(8, 59));

        Assert.Equal(("at", "PatrolMoveBeforeLast"), (error!.Field, error.Code));
        Assert.Equal(PatrolState.Active, session.State);
    }

    [Fact]
    public void A_stored_patrol_is_rebuilt_with_the_same_segments_and_distance()
    {
        var session = Started(At(9, 0));
        session.Accept([Point(118.7814, 32.0434, At(9, 0, 10)), Point(118.7834, 32.0434, At(9, 2, 0))], InsideCity);
        session.Pause(At(9, 3));
        session.Resume(At(9, 10));
        session.Accept([Point(118.7834, 32.0444, At(9, 10, 30)), Point(118.7834, 32.0454, At(9, 12, 0))], InsideCity);

        var restored = PatrolSession.Restore(session.Events, session.Points.Reverse());

        Assert.Equal(PatrolState.Active, restored.State);
        Assert.Equal(session.DistanceMetres, restored.DistanceMetres, 6);
        Assert.Equal(session.Segments.Select(s => s.Count), restored.Segments.Select(s => s.Count));
        // The next batch is judged against the last point kept before the restore.
        Assert.Equal(1, restored.Accept([Point(118.7834, 32.0454, At(9, 12, 0))], InsideCity).DroppedFor(PatrolPointDropReason.OutOfOrder));
    }
}
