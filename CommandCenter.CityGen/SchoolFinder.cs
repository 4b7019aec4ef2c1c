using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

internal sealed record School(string Name, string OsmId, Geometry SiteMeters);

/// <summary>
/// Schools for the 100 m no-vending rule. OSM has no school gates here, so the whole school site
/// is used: campus polygons (landuse layer) first, then named school POIs and named school
/// buildings that are not already part of a campus (more than 60 m from one).
/// </summary>
internal static class SchoolFinder
{
    private static readonly string[] SchoolValues = ["school", "kindergarten", "college", "university"];
    private static readonly string[] SchoolNameEndings = ["学校", "中学", "小学", "幼儿园", "学院", "大学", "校区", "初中"];
    private const double SameSchoolDistanceM = 60.0;

    public static List<School> Find(SourceData src)
    {
        var clipMeters = LocalProjection.ToMeters(CoreArea.ClipDegrees);
        var found = new List<School>();
        void Consider(SourceFeature f)
        {
            var name = f.Name;
            if (name is null)
            {
                return;
            }

            var site = LocalProjection.ToMeters(f.Geometry);
            if (!site.Intersects(clipMeters) || found.Any(s => s.SiteMeters.Distance(site) < SameSchoolDistanceM))
            {
                return;
            }

            found.Add(new School(name, f.OsmId, site));
        }

        foreach (var f in src.Landuse.Where(f => IsSchoolTag(f.Tag("amenity"))))
        {
            Consider(f);
        }

        foreach (var f in src.Pois.Where(f => IsSchoolTag(f.Tag("amenity"))))
        {
            Consider(f);
        }

        foreach (var f in src.Buildings.Where(f => (IsSchoolTag(f.Tag("building")) || IsSchoolTag(f.Tag("amenity"))) && LooksLikeSchoolName(f.Name)))
        {
            Consider(f);
        }

        return found;
    }

    private static bool IsSchoolTag(string? v) => v is not null && SchoolValues.Contains(v);

    private static bool LooksLikeSchoolName(string? name) =>
        name is not null && SchoolNameEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));
}
