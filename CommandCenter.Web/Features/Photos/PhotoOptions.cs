namespace CommandCenter.Web.Features.Photos;

/// <summary>Where photos are kept and how large they may be (section "Media").</summary>
public sealed class PhotoOptions
{
    /// <summary>Folder for uploaded files; relative paths are under the repository's .data folder.</summary>
    public string Path { get; set; } = "media";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
