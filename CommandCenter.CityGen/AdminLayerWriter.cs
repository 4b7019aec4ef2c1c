using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>Writes unit-grids, duty-grids, communities and subdistricts; the last three are unions of the rounded grids, so they share their exact edges.</summary>
internal static class AdminLayerWriter
{
    public sealed record Unions(List<(Subdistrict S, Geometry G)> Subdistricts, List<(Community C, Geometry G)> Communities, List<(DutyGrid D, Geometry G)> Duty);

    public static Unions Build(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Subdistrict> subdistricts,
        IReadOnlyList<Community> communities, IReadOnlyList<DutyGrid> duty, Polygon extent)
    {
        Geometry Union(IEnumerable<UnitGrid> members) =>
            Geo.UnionAll(members.Select(m => (Geometry)m.Geometry), Geo.Degrees, Geo.DegreePrecision);

        var subs = subdistricts.Select((s, i) => (s, Union(grids.Where(g => g.Subdistrict == i)))).ToList();
        var comms = communities.Select((c, i) => (c, Union(grids.Where(g => g.Community == i)))).ToList();
        var dutyUnions = duty.Select(d => (d, Union(d.Members))).ToList();

        OutputValidator.ValidateCoverage("subdistrict", subs.Select(x => (x.s.Code, x.Item2)).ToList(), extent);
        OutputValidator.ValidateCoverage("community", comms.Select(x => (x.c.Code, x.Item2)).ToList(), extent);
        OutputValidator.ValidateCoverage("duty grid", dutyUnions.Select(x => (x.d.Code, x.Item2)).ToList(), extent);
        return new Unions(subs, comms, dutyUnions);
    }

    public static void Write(string outputDir, IReadOnlyList<UnitGrid> grids, IReadOnlyList<Community> communities, Unions unions,
        DataAttribution? attribution = null)
    {
        GeoJsonFileWriter.Write(Path.Combine(outputDir, "unit-grids.geojson"), "unit-grids",
            grids.OrderBy(g => g.Code, StringComparer.Ordinal).Select(g => new GeoJsonFeature(g.Geometry, w =>
            {
                var community = communities[g.Community];
                w.WriteString("code", g.Code);
                w.WriteString("communityCode", community.Code);
                w.WriteString("subdistrictCode", community.SubdistrictCode);
                w.WriteString("dutyGridCode", g.DutyGridCode);
                GeoJsonFileWriter.Number(w, "areaM2", g.AreaM2, 1);
            })), attribution);

        GeoJsonFileWriter.Write(Path.Combine(outputDir, "subdistricts.geojson"), "subdistricts",
            unions.Subdistricts.OrderBy(x => x.S.Code, StringComparer.Ordinal).Select(x => new GeoJsonFeature(x.G, w =>
            {
                w.WriteString("code", x.S.Code);
                w.WriteString("name", x.S.Name);
                w.WriteString("districtCode", x.S.DistrictCode);
                w.WriteString("districtName", x.S.DistrictName);
            })), attribution);

        GeoJsonFileWriter.Write(Path.Combine(outputDir, "communities.geojson"), "communities",
            unions.Communities.OrderBy(x => x.C.Code, StringComparer.Ordinal).Select(x => new GeoJsonFeature(x.G, w =>
            {
                w.WriteString("code", x.C.Code);
                w.WriteString("name", x.C.Name);
                w.WriteString("shortName", x.C.ShortName);
                w.WriteString("subdistrictCode", x.C.SubdistrictCode);
            })), attribution);

        GeoJsonFileWriter.Write(Path.Combine(outputDir, "duty-grids.geojson"), "duty-grids",
            unions.Duty.OrderBy(x => x.D.Code, StringComparer.Ordinal).Select(x => new GeoJsonFeature(x.G, w =>
            {
                w.WriteString("code", x.D.Code);
                w.WriteString("name", x.D.Name);
                w.WriteString("communityCode", x.D.CommunityCode);
                w.WriteString("memberId", x.D.MemberId);
                w.WriteString("memberName", x.D.MemberName);
                w.WriteNumber("gridCount", x.D.Members.Count);
            })), attribution);
    }
}
