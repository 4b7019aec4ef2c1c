using System.Security.Cryptography;

namespace CommandCenter.Tests.Support;

/// <summary>SHA-256 of every file under a folder, by relative path with '/' separators: compares generated outputs byte for byte.</summary>
public static class FolderHashes
{
    public static SortedDictionary<string, string> Of(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
