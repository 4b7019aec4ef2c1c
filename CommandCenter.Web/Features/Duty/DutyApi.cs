using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Duty;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Duty;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Duty;

/// <summary>
/// 马路局长: the monthly roster (read by everyone signed in, edited by the admin or a leader), today's road director with
/// the day's patrol figures, and patrols from the phone (start, points, pause, resume, end) with their tracks as GeoJSON.
/// </summary>
public static class DutyApi
{
    public sealed record PersonRequest(string? PersonId);
    public sealed record PlanRequest(string[]? Leaders, string? StartWith);
    public sealed record SwapRequest(string? MonthA, string? MonthB);

    public static IEndpointRouteBuilder MapDutyApi(this IEndpointRouteBuilder app)
    {
        var duty = app.MapGroup("/api/duty").RequireAuthorization().WithTags("Duty");

        duty.MapGet("/roster", async (int? year, DutyRoster roster, CityClock clock, CancellationToken ct) =>
            year is < 1 or > 9999 ? Problem.BadRequest("year", "YearOutOfRange", 1, 9999) : Results.Ok(await roster.YearAsync(year ?? clock.LocalNow.Year, ct)));

        duty.MapPost("/roster/{year:int}/plan", async (int year, PlanRequest? body, ClaimsPrincipal user, DutyRoster roster, CancellationToken ct) =>
            await roster.PlanAsync(year, body?.Leaders, body?.StartWith, user.ToActor()!, ct) is { } refused ? refused.ToResult() : Results.Ok(await roster.YearAsync(year, ct)));

        duty.MapPut("/roster/{month}", async (string month, PersonRequest body, ClaimsPrincipal user, DutyRoster roster, CancellationToken ct) =>
        {
            if (await roster.SetMonthAsync(month, body.PersonId, user.ToActor()!, ct) is { } refused)
            {
                return refused.ToResult();
            }
            RosterMonth.TryParse(month, out var m);
            return Results.Ok((await roster.YearAsync(m.Year, ct)).Months.Single(x => x.Month == month));
        });

        duty.MapPost("/roster/swap", async (SwapRequest body, ClaimsPrincipal user, DutyRoster roster, CancellationToken ct) =>
            await roster.SwapAsync(body.MonthA, body.MonthB, user.ToActor()!, ct) is { } refused ? refused.ToResult() : Results.NoContent());

        duty.MapPut("/stand-ins/{date}", async (string date, PersonRequest body, ClaimsPrincipal user, DutyRoster roster, CancellationToken ct) =>
            !TryDate(date, out var day) ? Problem.BadRequest("date", "DateFormat")
            : await roster.StandInAsync(day, body.PersonId, user.ToActor()!, ct) is { } refused ? refused.ToResult()
            : Results.Ok(await roster.OnDutyAsync(day, ct)));

        duty.MapDelete("/stand-ins/{date}", async (string date, ClaimsPrincipal user, DutyRoster roster, CancellationToken ct) =>
            !TryDate(date, out var day) ? Problem.BadRequest("date", "DateFormat")
            : await roster.RemoveStandInAsync(day, user.ToActor()!, ct) is { } refused ? refused.ToResult()
            : Results.NoContent());

        duty.MapGet("/road-director", async (string? date, RoadDirectorFigures figures, CityClock clock, CancellationToken ct) =>
        {
            var day = DateOnly.FromDateTime(clock.LocalNow);
            if (date is { Length: > 0 } && !TryDate(date, out day))
            {
                return Problem.BadRequest("date", "DateFormat");
            }
            var f = await figures.OnDutyAsync(day, ct);
            return Results.Ok(new
            {
                date = f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                person = f.Person is { } p ? new { id = p.PersonId, name = p.Name, phone = p.Phone, standIn = p.StandIn } : null,
                patrol = new { distanceM = f.Patrol.DistanceM, minutes = f.Patrol.Minutes, found = f.Patrol.Found, fixedOnSpot = f.Patrol.FixedOnSpot,
                    supervised = f.Patrol.Supervised, patrols = f.Patrol.Patrols },
            });
        });

        var patrols = app.MapGroup("/api/patrols").RequireAuthorization().WithTags("Duty");

        patrols.MapPost("", async (ClaimsPrincipal user, PatrolService service, CancellationToken ct) =>
        {
            var (refused, p) = await service.StartAsync(user.ToActor()!, ct);
            return refused is not null ? refused.ToResult() : Results.Created($"/api/patrols/{p!.Id}", new { id = p.Id, state = p.State, startedAt = p.StartedAt });
        });

        patrols.MapPost("/{id:guid}/points", async (Guid id, List<PatrolService.PointDto>? body, ClaimsPrincipal user, PatrolService service, CancellationToken ct) =>
        {
            var (refused, outcome) = await service.AddPointsAsync(id, body, user.ToActor()!, ct);
            return refused is not null ? refused.ToResult() : Results.Ok(outcome);
        });

        foreach (var (path, move) in new[] { ("pause", PatrolMove.Pause), ("resume", PatrolMove.Resume), ("end", PatrolMove.End) })
        {
            patrols.MapPost($"/{{id:guid}}/{path}", async (Guid id, ClaimsPrincipal user, PatrolService service, CancellationToken ct) =>
            {
                var (refused, row) = await service.MoveAsync(id, move, user.ToActor()!, ct);
                return refused is not null ? refused.ToResult() : Results.Ok(new { id = row!.Id, state = row.State, endedAt = row.EndedAt, distanceM = row.DistanceM });
            });
        }

        patrols.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, PatrolService service, PatrolViews views, CancellationToken ct) =>
            await service.ReadableAsync(id, user.ToActor()!, ct) is { } row
                ? Results.Text(JsonSerializer.Serialize(await views.FeatureAsync(row, ct), CityGeography.GeoJson), "application/geo+json")
                : Problem.NotFound("NoSuchPatrol", id));

        // The running patrols with their tracks so far, for the wall and the map to draw before points arrive live.
        patrols.MapGet("/live", async (ClaimsPrincipal user, PatrolViews views, CancellationToken ct) =>
            ReadScope.For(user.ToActor()!).IsCityWide
                ? Results.Text(JsonSerializer.Serialize(await views.RunningAsync(ct), CityGeography.GeoJson), "application/geo+json")
                : Results.Text(JsonSerializer.Serialize(new FeatureCollection(), CityGeography.GeoJson), "application/geo+json"));

        // A director's patrols between two dates (default the last 30 days), for the patrol log.
        patrols.MapGet("", async (string? person, string? from, string? to, ClaimsPrincipal user, PatrolViews views, CityClock clock, CancellationToken ct) =>
        {
            var actor = user.ToActor()!;
            var personId = person ?? actor.PersonId;
            if (personId is null || (!ReadScope.For(actor).IsCityWide && personId != actor.PersonId))
            {
                return Problem.Forbidden("OwnPatrolsOnly");
            }
            var today = DateOnly.FromDateTime(clock.LocalNow);
            var start = today.AddDays(-29);
            var end = today;
            if ((from is { Length: > 0 } && !TryDate(from, out start)) || (to is { Length: > 0 } && !TryDate(to, out end)))
            {
                return Problem.BadRequest(from is { Length: > 0 } && !TryDate(from, out _) ? "from" : "to", "DateFormat");
            }
            return Results.Text(JsonSerializer.Serialize(await views.OfPersonAsync(personId, start, end, ct), CityGeography.GeoJson), "application/geo+json");
        });
        return app;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
