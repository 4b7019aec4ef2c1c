using System.Globalization;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Photos;
using CommandCenter.Web.Problems;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// The anonymous API behind the 随手拍 page and the public status page: photo upload, report, a case's public status,
/// its after-photo, and the reporter's satisfaction answer. Writes are rate-limited per client address and refused
/// for blocked sources.
/// </summary>
public static class PublicIntakeApi
{
    public const string Prefix = "/api/public";

    public static string AfterPhotoPath(string number) => $"{Prefix}/cases/{number}/photo";

    public static string StatusPage(string number, string? token = null) => token is null ? $"/s/{number}" : $"/s/{number}?t={Uri.EscapeDataString(token)}";

    public static IEndpointRouteBuilder MapPublicIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AllowAnonymous().WithTags("Public");

        api.MapPost("/photos", async (HttpRequest request, PhotoStore store, IntakeBlocks blocks, CancellationToken ct) =>
        {
            if (await blocks.IsBlockedAsync(ct, ("address", ClientAddress.Of(request.HttpContext))))
            {
                return Problem.Forbidden("SourceBlocked");
            }
            var (jpeg, fileName, refused) = await PhotoUpload.ReadAsync(request, store, ct);
            if (refused is not null)
            {
                return refused;
            }
            var row = await store.SaveAsync(jpeg!, fileName, CitizenIntake.AnonymousUploader, ct);
            return Results.Created($"{Prefix}/photos/{row.Id}", new { id = row.Id });
        }).RequireRateLimiting(CitizenRateLimiting.Policy).DisableAntiforgery();

        api.MapPost("/reports", async (PublicReportRequest body, HttpContext http, CitizenIntake intake, CancellationToken ct) =>
        {
            var result = await intake.SubmitAsync(new CitizenReport
            {
                Source = CaseSource.Public, Actor = CitizenIntake.PublicReporter, Category = body.Category, Lon = body.Lon, Lat = body.Lat,
                StreetId = body.StreetId, Address = body.Address, Description = body.Description, PhotoIds = body.PhotoIds ?? [],
                Attributes = (body.Attributes ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)(a.Value ?? [])),
                Name = body.Name, Phone = body.Phone, ClientAddress = ClientAddress.Of(http),
            }, ct);
            if (!result.Succeeded)
            {
                return result.Refused!.ToResult();
            }
            var number = result.Case!.Number;
            return Results.Created(StatusPage(number), new
            {
                number, token = result.Token, status = PublicProgress.StageOf(result.Case.State).Slug(),
                statusUrl = StatusPage(number, result.Token),
            });
        }).RequireRateLimiting(CitizenRateLimiting.Policy);

        api.MapGet("/cases/{number}", async (string number, string? t, PublicCases cases, CityClock clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (await cases.ByNumberAsync(number, ct) is not { } c)
            {
                return Problem.NotFound("ServiceRequestUnknown", number);
            }
            var mine = await cases.TokenMatchesAsync(number, t, ct);
            return Results.Ok(new
            {
                number = c.Number, stage = c.Stage.Slug(), stageText = l.PublicStage(c.Stage), open = c.Open, notes = l.PublicNotes(c),
                category = c.CategoryCode, categoryName = c.CategoryName, address = c.Address, department = c.DepartmentName,
                reportedAt = c.ReportedAt, updatedAt = c.UpdatedAt, deadline = c.Deadline, masterNumber = c.MasterNumber,
                afterPhotoUrl = c.AfterPhotoId is null ? null : AfterPhotoPath(c.Number),
                timeline = c.Milestones.Select(m => new { at = m.At, stage = m.Stage.Slug(), text = l.PublicStage(m.Stage) }),
                satisfaction = mine ? c.Satisfaction : null,
                mayRate = mine && c.State == CaseState.Closed && c.Satisfaction is null,
            });
        });

        api.MapGet("/cases/{number}/photo", async (string number, PublicCases cases, PhotoStore store, CancellationToken ct) =>
            await cases.AfterPhotoAsync(number, ct) is { } photo
                ? Results.File(Path.Combine(store.Folder, photo.StoredName), photo.ContentType)
                : Problem.NotFound("NoSuchPhoto", number));

        // The status page posts a plain form and gets the page back; scripts post JSON and get JSON.
        api.MapPost("/cases/{number}/satisfaction", async (string number, HttpContext http, PublicCases cases, CaseService caseService,
            IntakeBlocks blocks, CancellationToken ct) =>
        {
            var isForm = http.Request.HasFormContentType;
            string? token, answer;
            if (isForm)
            {
                try
                {
                    var form = await http.Request.ReadFormAsync(ct);
                    (token, answer) = (form["token"].ToString(), form["answer"].ToString());
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
                {
                    (token, answer) = (null, null); // a form with a NUL in it: no answer the page could have sent
                }
            }
            else
            {
                var body = await http.Request.ReadFromJsonAsync<JsonElement>(ct);
                if (body.ValueKind != JsonValueKind.Object)
                {
                    return Problem.BadRequest("body", "BodyUnreadable");
                }
                string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                (token, answer) = (Text("token"), Text("answer"));
            }
            var outcome = await RateAsync(number, token, answer, http, cases, caseService, blocks, ct);
            if (isForm)
            {
                var culture = http.Request.Query["culture"].ToString() is { Length: > 0 } cu ? $"&culture={Uri.EscapeDataString(cu)}" : "";
                var slug = outcome is null ? "thanks" : outcome.Code;
                return Results.Redirect($"{StatusPage(number, token)}{(token is { Length: > 0 } ? "&" : "?")}rated={slug}{culture}");
            }
            return outcome is null ? Results.Ok(new { number, satisfaction = answer }) : outcome.ToResult();
        }).RequireRateLimiting(CitizenRateLimiting.Policy).DisableAntiforgery();

        return app;
    }

    /// <summary>Stores the reporter's answer; the refusal, or null when it was stored.</summary>
    private static async Task<Refusal?> RateAsync(string number, string? token, string? answer, HttpContext http, PublicCases cases,
        CaseService caseService, IntakeBlocks blocks, CancellationToken ct)
    {
        if (await blocks.IsBlockedAsync(ct, ("address", ClientAddress.Of(http))))
        {
            return Refusal.Forbidden("SourceBlocked");
        }
        if (!SatisfactionAnswers.IsKnown(answer))
        {
            return Refusal.Field("answer", "SatisfactionUnknown", string.Join(", ", SatisfactionAnswers.Slugs));
        }
        if (!await cases.TokenMatchesAsync(number, token, ct))
        {
            return Refusal.Forbidden("SatisfactionToken");
        }
        var c = await cases.ByNumberAsync(number, ct);
        return c is not null && await caseService.RecordSatisfactionAsync(c.Id, answer!, ct)
            ? null
            : Refusal.Conflict("SatisfactionNotNow");
    }
}
