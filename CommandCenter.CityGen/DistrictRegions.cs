using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// The three real districts (玄武, 秦淮, 鼓楼) inside the core area, closed from the OSM district
/// boundary segments (which meet at 新街口) and the core rectangle.
/// </summary>
internal sealed class DistrictRegions
{
    private readonly List<(string Code, Polygon Region)> regions = [];

    private static readonly (string Code, double Lon, double Lat)[] Probes =
    [
        ("320102", 118.788, 32.049), // 玄武区: north-east of 中山路 / 中山东路
        ("320104", 118.780, 32.038), // 秦淮区: south of 汉中路 / 中山东路
        ("320106", 118.770, 32.049), // 鼓楼区: north-west of 汉中路 / 中山路
    ];

    public DistrictRegions(SourceData src, Polygon rectMeters)
    {
        var lines = src.AdminBoundaries.Select(f => LocalProjection.ToMeters(f.Geometry)).ToList();
        var faces = GridPolygonizer.Polygonize(lines, rectMeters);
        foreach (var (code, lon, lat) in Probes)
        {
            var probe = Geo.Meters.CreatePoint(LocalProjection.ToMeters(lon, lat));
            var face = faces.FirstOrDefault(f => f.Contains(probe))
                ?? throw new InvalidOperationException($"No district region contains the probe for {code}");
            regions.Add((code, face));
        }
    }

    public IEnumerable<Geometry> BoundaryLines(SourceData src) =>
        src.AdminBoundaries.Select(f => LocalProjection.ToMeters(f.Geometry));

    /// <summary>District of a point; nearest region when a point falls on a boundary.</summary>
    public string DistrictOf(Point p)
    {
        foreach (var (code, region) in regions)
        {
            if (region.Contains(p))
            {
                return code;
            }
        }

        return regions.OrderBy(r => r.Region.Distance(p)).ThenBy(r => r.Code, StringComparer.Ordinal).First().Code;
    }
}
