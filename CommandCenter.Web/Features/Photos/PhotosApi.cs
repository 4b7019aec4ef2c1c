using System.Security.Claims;
using CommandCenter.Web.Data;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Photos;

/// <summary><c>POST /api/photos</c> (multipart field <c>file</c>) → 201 { id }; <c>GET /api/photos/{id}</c> serves it.</summary>
public static class PhotosApi
{
    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/photos", async (HttpRequest request, ClaimsPrincipal user, PhotoStore store, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Problem.BadRequest("file", "UploadMultipart");
            }
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0)
            {
                return Problem.BadRequest("file", "UploadMissing");
            }
            if (file.Length > store.MaxBytes)
            {
                return Problem.BadRequest("file", "UploadTooLarge", store.MaxBytes / 1024 / 1024);
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (PhotoStore.Sniff(bytes) is null)
            {
                return Problem.BadRequest("file", "UploadNotImage");
            }
            var row = await store.SaveAsync(bytes, file.FileName, user.Identity!.Name!, ct);
            return Results.Created($"/api/photos/{row.Id}", new { id = row.Id, contentType = row.ContentType, sizeBytes = row.SizeBytes });
        }).RequireAuthorization().DisableAntiforgery().WithTags("Photos");

        app.MapGet("/api/photos/{id:guid}", async (Guid id, CommandCenterDb db, PhotoStore store) =>
        {
            var row = await db.Photos.FindAsync(id);
            return row is null
                ? Problem.NotFound("NoSuchPhoto", id)
                : Results.File(Path.Combine(store.Folder, row.StoredName), row.ContentType);
        }).RequireAuthorization().WithTags("Photos");
        return app;
    }
}
