using System.Security.Claims;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace CommandCenter.Web.Features.Photos;

/// <summary><c>POST /api/photos</c> (multipart field <c>file</c>) → 201 { id }; <c>GET /api/photos/{id}</c> serves it to those who may see it.</summary>
public static class PhotosApi
{
    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/photos", async (HttpRequest request, ClaimsPrincipal user, PhotoStore store, CancellationToken ct) =>
        {
            if (!request.HasFormContentType || !request.ContentType!.Contains("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return Problem.BadRequest("file", "UploadMultipart");
            }
            if (request.ContentLength > store.MaxBytes + 64 * 1024)
            {
                return new Refusal(StatusCodes.Status413PayloadTooLarge, "UploadTooLarge", [store.MaxBytes / 1024 / 1024], []).ToResult();
            }
            IFormFile? file;
            try
            {
                var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = store.MaxBytes + 64 * 1024, MultipartBoundaryLengthLimit = 70 }, ct);
                file = form.Files.GetFile("file");
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A missing or overlong boundary, a truncated body or garbage: the form cannot be read.
                return Problem.BadRequest("file", "UploadMalformed");
            }
            if (file is null || file.Length == 0)
            {
                return Problem.BadRequest("file", "UploadMissing");
            }
            if (file.Length > store.MaxBytes)
            {
                return new Refusal(StatusCodes.Status413PayloadTooLarge, "UploadTooLarge", [store.MaxBytes / 1024 / 1024], []).ToResult();
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            if (PhotoStore.Normalise(buffer.ToArray()) is not { } jpeg)
            {
                return Problem.BadRequest("file", "UploadNotImage");
            }
            var row = await store.SaveAsync(jpeg, file.FileName, user.Identity!.Name!, ct);
            return Results.Created($"/api/photos/{row.Id}", new { id = row.Id, contentType = row.ContentType, sizeBytes = row.SizeBytes });
        }).RequireAuthorization().DisableAntiforgery().WithTags("Photos");

        app.MapGet("/api/photos/{id:guid}", async (Guid id, ClaimsPrincipal user, HttpResponse response, PhotoStore store, CancellationToken ct) =>
        {
            var row = await store.ForReaderAsync(id, user.ToActor()!, ct);
            if (row is null)
            {
                return Problem.NotFound("NoSuchPhoto", id);
            }
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(Path.Combine(store.Folder, row.StoredName), row.ContentType);
        }).RequireAuthorization().WithTags("Photos");
        return app;
    }
}
