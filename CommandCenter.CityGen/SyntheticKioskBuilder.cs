using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Kiosks of the synthetic city, spread evenly: the grids are bisected into as many compact groups as there
/// are kiosks, and each kiosk stands on the pavement 9 m beside the street nearest its group's central grid
/// (the demo city's rule). Every third is a 城管驿站 (station) with a toilet, every sixth of those open 24 h.
/// </summary>
internal static class SyntheticKioskBuilder
{
    public static List<Kiosk> Build(SyntheticAdmin admin, NearestStreetIndex streets, DemoNames names, int seed, int count)
    {
        var grids = admin.Grids;
        var items = grids.Select(g => g.Index).ToList();
        var groups = CommunityPartitioner.Partition(items, i => grids[i].CentroidM, count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Kiosk>();
        for (var k = 0; k < count; k++)
        {
            var members = items.Where((_, n) => groups[n] == k).Select(i => grids[i]).ToList();
            var centre = new Coordinate(members.Average(g => g.CentroidM.X), members.Average(g => g.CentroidM.Y));
            var host = members.OrderBy(g => g.CentroidM.Distance(centre)).ThenBy(g => g.Index).First();

            var id = $"K{result.Count + 1:000}";
            var isStation = result.Count % 3 == 0;
            var is24h = isStation && result.Count % 6 == 0;
            var kind = isStation ? "station" : "kiosk";
            var suffix = isStation ? "城管驿站" : "便民服务岗亭";
            var (street, line) = streets.Nearest(host.CentroidM, 3)
                .FirstOrDefault(s => !taken.Contains(s.Street.Name + suffix), streets.Nearest(host.CentroidM)[0]);
            var name = street.Name + suffix;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{street.Name}第{n}{suffix}";
            }

            var location = KioskBuilder.OntoPavement(host.CentroidM, [Geo.Lines(line).First()]);
            var radius = isStation ? 1500 : DeterministicHash.Pick($"{seed}/kiosk-radius/{id}", 2) == 0 ? 1000 : 1200;
            result.Add(new Kiosk(id, name, kind, (Point)LocalProjection.ToLonLatRounded(Geo.Meters.CreatePoint(location)),
                KioskBuilder.Services(kind, hasToilet: isStation), KioskBuilder.Hours(is24h), is24h, isStation, radius,
                KioskBuilder.Supplies(id, result.Count), names.Office("kiosk/" + id)));
        }

        return result;
    }
}
