using System.Text.Json;

namespace CommandCenter.Bench;

/// <summary>Points strictly inside GeoJSON polygons, found by seeded sampling of the bounding box (repeatable from run to run).</summary>
public static class InteriorPoints
{
    /// <summary>A point inside the polygon (outer ring minus holes), or null when sampling finds none (a sliver).</summary>
    public static (double Lon, double Lat)? Inside(JsonElement polygonGeometry, Random random)
    {
        var rings = polygonGeometry.GetProperty("coordinates").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble())).ToArray())
            .ToArray();
        var outer = rings[0];
        double minX = outer.Min(c => c.X), maxX = outer.Max(c => c.X), minY = outer.Min(c => c.Y), maxY = outer.Max(c => c.Y);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var x = minX + (maxX - minX) * (0.1 + 0.8 * random.NextDouble());
            var y = minY + (maxY - minY) * (0.1 + 0.8 * random.NextDouble());
            if (Contains(outer, x, y) && !rings.Skip(1).Any(hole => Contains(hole, x, y)))
            {
                return (Math.Round(x, 6), Math.Round(y, 6));
            }
        }
        return null;
    }

    // Even-odd ray casting; good enough for grid polygons of a few hundred metres.
    private static bool Contains((double X, double Y)[] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            if ((ring[i].Y > y) != (ring[j].Y > y) &&
                x < (ring[j].X - ring[i].X) * (y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
