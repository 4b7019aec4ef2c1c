using System.Security.Claims;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Photos;

/// <summary><c>POST /api/photos</c> (multipart field <c>file</c>) → 201 { id }; <c>GET /api/photos/{id}</c> serves it to those who may see it.</summary>
public static class PhotosApi
{
    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/photos", async (HttpRequest request, ClaimsPrincipal user, PhotoStore store, CancellationToken ct) =>
        {
            var (jpeg, fileName, refused) = await PhotoUpload.ReadAsync(request, store, ct);
            if (refused is not null)
            {
                return refused;
            }
            var row = await store.SaveAsync(jpeg!, fileName, user.Identity!.Name!, ct);
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
