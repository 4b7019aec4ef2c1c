using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Photos;

/// <summary>An uploaded photo (before/after a fix); the file lives in the media folder, its metadata here.</summary>
public sealed class PhotoRow
{
    public Guid Id { get; set; }
    [MaxLength(32)] public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    [MaxLength(64)] public required string Sha256 { get; set; }
    [MaxLength(256)] public string? OriginalName { get; set; }
    [MaxLength(128)] public required string StoredName { get; set; }
    [MaxLength(64)] public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
