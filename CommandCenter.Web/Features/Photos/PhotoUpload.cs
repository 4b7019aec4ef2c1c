using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace CommandCenter.Web.Features.Photos;

/// <summary>Reads the multipart field <c>file</c> of an upload and re-encodes it; a refusal names what was wrong with it.</summary>
public static class PhotoUpload
{
    public static async Task<(byte[]? Jpeg, string? FileName, IResult? Refused)> ReadAsync(HttpRequest request, PhotoStore store, CancellationToken ct)
    {
        if (!request.HasFormContentType || !request.ContentType!.Contains("boundary=", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, Problem.BadRequest("file", "UploadMultipart"));
        }
        if (request.ContentLength > store.MaxBytes + 64 * 1024)
        {
            return (null, null, TooLarge(store));
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
            return (null, null, Problem.BadRequest("file", "UploadMalformed"));
        }
        if (file is null || file.Length == 0)
        {
            return (null, null, Problem.BadRequest("file", "UploadMissing"));
        }
        if (file.Length > store.MaxBytes)
        {
            return (null, null, TooLarge(store));
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return PhotoStore.Normalise(buffer.ToArray()) is { } jpeg
            ? (jpeg, file.FileName, null)
            : (null, null, Problem.BadRequest("file", "UploadNotImage"));
    }

    private static IResult TooLarge(PhotoStore store) =>
        new Refusal(StatusCodes.Status413PayloadTooLarge, "UploadTooLarge", [store.MaxBytes / 1024 / 1024], []).ToResult();
}
