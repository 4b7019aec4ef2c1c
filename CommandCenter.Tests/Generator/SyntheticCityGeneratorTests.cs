using CommandCenter.CityGen;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Union;

namespace CommandCenter.Tests.Generator;

/// <summary>
/// The synthetic benchmark city (<c>citygen --synthetic N</c>): deterministic, loadable by the app's importer as is,
/// and shaped like the demo city — codes, nesting of 街道/社区/责任网格, a gapless tiling, resolvable references.
/// </summary>
public sealed class SyntheticCityGeneratorTests(SyntheticCityFixture city) : IClassFixture<SyntheticCityFixture>
{
    [Fact]
    public void Same_size_and_seed_give_byte_identical_files_and_another_seed_gives_another_city()
    {
        var again = Directory.CreateTempSubdirectory("cc-synth-").FullName;
        var otherSeed = Directory.CreateTempSubdirectory("cc-synth-").FullName;
        try
        {
            SyntheticCityGenerator.Generate(again, SyntheticCityFixture.GridCount, seed: 1);
            SyntheticCityGenerator.Generate(otherSeed, SyntheticCityFixture.GridCount, seed: 2);

            var first = FolderHashes.Of(city.Directory);
            Assert.Contains("unit-grids.geojson", first.Keys);
            Assert.Contains("basemap/roads.geojson", first.Keys);
            Assert.Equal(first, FolderHashes.Of(again));

            var other = FolderHashes.Of(otherSeed);
            Assert.NotEqual(first["unit-grids.geojson"], other["unit-grids.geojson"]);
            Assert.NotEqual(first["streets.geojson"], other["streets.geojson"]);
        }
        finally
        {
            Directory.Delete(again, true);
            Directory.Delete(otherSeed, true);
        }
    }

    [Fact]
    public void The_importer_loads_the_city_with_every_layer_scaled_to_its_size()
    {
        // 400 grids = a 20 × 20 lattice; streets ≈ grids / 10, zones = 1.5 % (at least 10), kiosks = 0.5 % (at least 4).
        var c = city.City;
        Assert.Equal(400, c.UnitGrids.Count);
        Assert.InRange(c.Streets.Count, 30, 50);
        Assert.Equal(10, c.VendorZones.Count);
        Assert.Equal(4, c.Kiosks.Count);
        Assert.Empty(c.Basemap);
        Assert.Equal(["banned", "guided", "morning", "night", "seasonal"], c.VendorZones.Select(z => z.Type).Distinct().Order());
        Assert.Contains(c.Streets, s => s.Level == "街长");
        Assert.Contains(c.Streets, s => s.Level == "巷长");
    }

    [Fact]
    public void Grid_codes_are_unique_15_digit_codes_numbered_from_001_without_gaps_in_each_community()
    {
        var grids = city.City.UnitGrids;
        Assert.Equal(grids.Count, grids.Select(g => g.Code).Distinct().Count());
        foreach (var community in grids.GroupBy(g => g.CommunityCode))
        {
            var sequences = community.Select(g => GridCode.Parse(g.Code)).Select(code =>
            {
                Assert.Equal(community.Key, code.CommunityCode);
                return code.Sequence;
            }).Order();
            Assert.Equal(Enumerable.Range(1, community.Count()), sequences);
        }
    }

    [Fact]
    public void Sequence_runs_west_to_east_then_north_to_south_inside_a_community()
    {
        // domain.md §2.2, as the demo city numbers it: 100 m latitude bands counted from 32.044 (the city's centre),
        // north band first, then west→east. 1° of latitude = 110 574 m in the generator's local projection.
        foreach (var community in city.City.UnitGrids.GroupBy(g => g.CommunityCode))
        {
            var ordered = community.OrderBy(g => g.Code, StringComparer.Ordinal)
                .Select(g => (g.Code, Band: Math.Floor((g.Geom.Centroid.Y - 32.044) * 110574.0 / 100.0), Lon: g.Geom.Centroid.X))
                .ToList();
            foreach (var (a, b) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.True(a.Band > b.Band || (a.Band == b.Band && a.Lon < b.Lon), $"{a.Code} should come after {b.Code}");
            }
        }
    }

    [Fact]
    public void Every_grid_belongs_to_a_community_of_its_subdistrict_and_lies_inside_it()
    {
        var c = city.City;
        var communities = c.Communities.ToDictionary(x => x.Code);
        var subdistricts = c.Subdistricts.ToDictionary(x => x.Code);
        Assert.InRange(c.Subdistricts.Select(s => s.DistrictCode).Distinct().Count(), 2, 9);
        foreach (var grid in c.UnitGrids)
        {
            var community = communities[grid.CommunityCode];
            Assert.Equal(grid.SubdistrictCode, community.SubdistrictCode);
            Assert.StartsWith(community.SubdistrictCode, community.Code);
            Assert.StartsWith(subdistricts[community.SubdistrictCode].DistrictCode, community.SubdistrictCode);
            Assert.True(community.Geom.Covers(grid.Geom), $"{grid.Code} sticks out of {community.Code}");
        }

        // 社区 of roughly 20–40 grids, each one piece.
        foreach (var community in c.Communities)
        {
            Assert.InRange(c.UnitGrids.Count(g => g.CommunityCode == community.Code), 15, 45);
            Assert.IsType<Polygon>(community.Geom);
        }
    }

    [Fact]
    public void Duty_grids_are_6_to_9_adjacent_grids_of_one_community_with_a_grid_member()
    {
        var c = city.City;
        var people = c.People.ToDictionary(p => p.Id);
        foreach (var duty in c.DutyGrids)
        {
            var members = c.UnitGrids.Where(g => g.DutyGridCode == duty.Code).ToList();
            Assert.InRange(members.Count, 6, 9);
            Assert.All(members, g => Assert.Equal(duty.CommunityCode, g.CommunityCode));

            // Adjacent = their union is one polygon (grids meeting only at a corner would give a MultiPolygon).
            Assert.IsType<Polygon>(UnaryUnionOp.Union(members.Select(g => (Geometry)g.Geom).ToList()));

            var member = people[duty.MemberId];
            Assert.Equal(("gridmember", duty.Code, duty.MemberName), (member.Role, member.DutyGridCode, member.Name));
        }
    }

    [Fact]
    public void Grids_tile_their_rectangle_without_overlaps()
    {
        var grids = city.City.UnitGrids;
        var extent = new Envelope();
        foreach (var g in grids)
        {
            extent.ExpandToInclude(g.Geom.EnvelopeInternal);
        }

        // Gapless: the areas add up to the rectangle's (and interiors are disjoint, checked pairwise below).
        Assert.Equal(extent.Area, grids.Sum(g => g.Geom.Area), extent.Area * 1e-9);
        var tree = new STRtree<int>();
        for (var i = 0; i < grids.Count; i++)
        {
            tree.Insert(grids[i].Geom.EnvelopeInternal, i);
        }

        for (var i = 0; i < grids.Count; i++)
        {
            foreach (var j in tree.Query(grids[i].Geom.EnvelopeInternal).Where(j => j > i))
            {
                Assert.False(grids[i].Geom.Relate(grids[j].Geom, "2********"), $"{grids[i].Code} overlaps {grids[j].Code}");
            }
        }

        // About 10,000 m² each: the 400 grids cover about 4 km² (20 × 20 cells of 100 m).
        Assert.InRange(grids.Average(g => g.AreaM2), 9900, 10100);
        Assert.InRange(grids.Min(g => g.AreaM2), 5000, 10000);
    }

    [Fact]
    public void Every_reference_resolves_to_a_person_with_the_right_role()
    {
        var c = city.City;
        var people = c.People.ToDictionary(p => p.Id);
        foreach (var street in c.Streets)
        {
            var chief = people[street.ChiefId];
            Assert.Equal(("streetchief", street.ChiefName, street.ChiefPhone), (chief.Role, chief.Name, chief.Phone));
            Assert.True(street.LengthM > 100, $"{street.Id} is {street.LengthM} m");
        }

        var names = c.People.Select(p => p.Name).ToHashSet();
        Assert.All(c.VendorZones, z => Assert.Contains(z.Manager!, names));
        Assert.Equal(c.DutyGrids.Count, c.People.Count(p => p.Role == "gridmember"));
        Assert.Equal(c.Streets.Count, c.People.Count(p => p.Role == "streetchief"));
        Assert.All(c.Kiosks, k => Assert.InRange(k.RadiusM, 1000, 1500));
    }

    [Fact]
    public void Vendor_zones_each_lie_inside_one_grid_and_never_touch_another_zone()
    {
        var c = city.City;
        foreach (var zone in c.VendorZones)
        {
            Assert.Single(c.UnitGrids, g => g.Geom.Covers(zone.Geom));
            Assert.DoesNotContain(c.VendorZones, other => other.Id != zone.Id && other.Geom.Intersects(zone.Geom));
            Assert.Equal(zone.Type == "banned", zone.SchoolName is not null);
        }
    }

    [Fact]
    public void Departments_and_categories_are_the_demo_citys_and_the_data_says_it_is_synthetic()
    {
        foreach (var table in new[] { "departments.json", "categories.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.GisData, table)), File.ReadAllBytes(Path.Combine(city.Directory, table)));
        }

        var header = File.ReadLines(Path.Combine(city.Directory, "unit-grids.geojson")).First();
        Assert.Contains("synthetic", header);
        Assert.DoesNotContain("OpenStreetMap contributors", header);
        var readme = File.ReadAllText(Path.Combine(city.Directory, "README.md"));
        Assert.Contains("SYNTHETIC DATA. Not OpenStreetMap", readme);
        Assert.Contains("--synthetic 400", readme);
    }
}
