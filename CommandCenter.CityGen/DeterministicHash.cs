using System.Text;

namespace CommandCenter.CityGen;

/// <summary>FNV-1a over UTF-8: stable across runs and platforms, unlike string.GetHashCode.</summary>
internal static class DeterministicHash
{
    public static ulong Of(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        // Final avalanche so that similar keys ("P0001", "P0002") spread over the whole range.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }

    public static int Pick(string key, int count) => (int)(Of(key) % (ulong)count);

    public static int Range(string key, int minInclusive, int maxInclusive) =>
        minInclusive + Pick(key, maxInclusive - minInclusive + 1);

    /// <summary>A stable value in [0, 1) (53 bits of the hash, exact in a double).</summary>
    public static double Fraction(string key) => (Of(key) >> 11) * (1.0 / (1UL << 53));
}
