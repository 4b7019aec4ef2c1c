namespace CommandCenter.Web.Identity;

/// <summary>Which return addresses the sign-in and language switch may send a browser back to.</summary>
public static class LocalPaths
{
    /// <summary>
    /// A path on this site ("/cases/1"), never another host ("//evil", "/\\evil") and never with control characters
    /// (a tab or newline after the slash is read as "//" by browsers, and ASP.NET refuses to redirect to it).
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and <= 2048 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
