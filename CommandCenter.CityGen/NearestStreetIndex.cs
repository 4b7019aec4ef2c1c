using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CommandCenter.CityGen;

/// <summary>Finds the named streets nearest a point (local metres), for naming zones and placing kiosks.</summary>
internal sealed class NearestStreetIndex
{
    private readonly IReadOnlyList<NamedStreet> streets;
    private readonly Geometry[] meters;
    private readonly STRtree<int> tree = new();

    public NearestStreetIndex(IReadOnlyList<NamedStreet> streets)
    {
        this.streets = streets;
        meters = streets.Select(s => LocalProjection.ToMeters(s.Geometry)).ToArray();
        for (var i = 0; i < meters.Length; i++)
        {
            tree.Insert(meters[i].EnvelopeInternal, i);
        }

        tree.Build();
    }

    /// <summary>Streets by distance from <paramref name="pointM"/> (ties: by id), searching ever wider until <paramref name="count"/> are found.</summary>
    public IReadOnlyList<(NamedStreet Street, Geometry Meters)> Nearest(Coordinate pointM, int count = 1)
    {
        var p = Geo.Meters.CreatePoint(pointM);
        for (var radius = 200.0; ; radius *= 2)
        {
            var box = new Envelope(pointM);
            box.ExpandBy(radius);
            var found = tree.Query(box)
                .Select(i => (Index: i, Distance: meters[i].Distance(p)))
                .Where(x => x.Distance <= radius)
                .OrderBy(x => x.Distance).ThenBy(x => streets[x.Index].Id, StringComparer.Ordinal)
                .Take(count)
                .ToList();
            if (found.Count >= Math.Min(count, streets.Count))
            {
                return found.Select(x => (streets[x.Index], meters[x.Index])).ToList();
            }
        }
    }
}
