using CommandCenter.Web.Data.Photos;
using System.Security.Cryptography;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Features.Photos;

/// <summary>Saves uploaded photos after checking their bytes really are JPEG, PNG or WebP.</summary>
public sealed class PhotoStore(CommandCenterDb db, IOptions<PhotoOptions> options, IHostEnvironment env, CityClock clock)
{
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

    /// <summary>The image type the bytes start with, or null when they are not a supported image.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ("image/jpeg", ".jpg");
        }
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("image/png", ".png");
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", ".webp");
        }
        return null;
    }

    public async Task<PhotoRow> SaveAsync(byte[] bytes, string? originalName, string uploadedBy, CancellationToken ct)
    {
        var kind = Sniff(bytes) ?? throw new InvalidDataException("not a JPEG, PNG or WebP image");
        var id = Guid.NewGuid();
        var stored = id.ToString("N") + kind.Extension;
        var path = System.IO.Path.Combine(Folder, stored);
        await File.WriteAllBytesAsync(path, bytes, ct);
        var row = new PhotoRow
        {
            Id = id, ContentType = kind.ContentType, SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            OriginalName = originalName is { Length: > 0 } n ? System.IO.Path.GetFileName(n)[..Math.Min(200, System.IO.Path.GetFileName(n).Length)] : null,
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
}
