using System.Security.Cryptography;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CommandCenter.Web.Features.Photos;

/// <summary>
/// Keeps photos of scenes and fixes. An upload is decoded by Skia and stored re-encoded as JPEG — bytes that only look
/// like an image (a bare header, an HTML page behind JPEG magic) are refused, and what was hidden in the file (EXIF
/// positions, trailing data) is dropped. A photo is served to its uploader and to whoever may read a case it belongs to.
/// </summary>
public sealed class PhotoStore(CommandCenterDb db, IOptions<PhotoOptions> options, IHostEnvironment env, CityClock clock)
{
    /// <summary>Photos are kept at most this many pixels on their longer side.</summary>
    public const int MaxSide = 2560;
    private const int MaxPixels = 50_000_000;

    public string Folder
    {
        get
        {
            var configured = options.Value.Path;
            var folder = System.IO.Path.IsPathRooted(configured)
                ? configured
                : System.IO.Path.GetFullPath(System.IO.Path.Combine(env.ContentRootPath, "..", ".data", configured));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The image the bytes hold, re-encoded as JPEG, or null when they do not decode as a JPEG, PNG or WebP image.</summary>
    public static byte[]? Normalise(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp)
            || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput) || result == SKCodecResult.IncompleteInput)
        {
            return null; // a truncated image is refused rather than stored half grey
        }
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(info.Width, info.Height));
        using var sized = scale < 1
            ? bitmap.Resize(new SKImageInfo((int)(info.Width * scale), (int)(info.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear))
            : null;
        using var image = SKImage.FromBitmap(sized ?? bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg?.ToArray();
    }

    public async Task<PhotoRow> SaveAsync(byte[] jpeg, string? originalName, string uploadedBy, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var stored = id.ToString("N") + ".jpg";
        var path = System.IO.Path.Combine(Folder, stored);
        await File.WriteAllBytesAsync(path, jpeg, ct);
        var name = originalName is { Length: > 0 } n ? System.IO.Path.GetFileName(n) : null;
        var row = new PhotoRow
        {
            Id = id, ContentType = "image/jpeg", SizeBytes = jpeg.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(jpeg)),
            OriginalName = name is null ? null : new string(name.Where(ch => !char.IsControl(ch)).Take(200).ToArray()),
            StoredName = stored, UploadedBy = uploadedBy, UploadedAt = clock.UtcNow,
        };
        db.Photos.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path); // no orphan file without its metadata
            throw;
        }
        return row;
    }

    /// <summary>The photo for this reader: theirs, or on an event of a case their scope may read; else null.</summary>
    public async Task<PhotoRow?> ForReaderAsync(Guid id, Actor reader, CancellationToken ct)
    {
        var row = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        if (row.UploadedBy == reader.UserName)
        {
            return row;
        }
        var scope = ReadScope.For(reader);
        var caseIds = db.CaseEvents.Where(e => e.PhotoIds.Contains(id)).Select(e => e.CaseId);
        return await db.Cases.AsNoTracking().VisibleTo(scope).AnyAsync(c => caseIds.Contains(c.Id), ct) ? row : null;
    }
}
