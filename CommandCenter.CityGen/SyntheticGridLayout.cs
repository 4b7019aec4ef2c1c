using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// The synthetic city's 单元网格 coverage: a lattice of about 100 m × 100 m cells over a rectangle centred on
/// the demo city's centre, gently warped (a smooth displacement field plus per-vertex jitter) so blocks vary in
/// size and the lattice lines read like streets. Every lattice vertex and every edge's middle point is computed
/// and rounded to 7 decimals once and then used by all cells and streets that touch it, so neighbours share
/// identical edges by construction (no <see cref="CoverageRounder"/> pass is needed; <see cref="OutputValidator"/>
/// still checks the result).
/// </summary>
internal sealed class SyntheticGridLayout
{
    public const double CellSizeM = 100.0;

    // Smooth warp: amplitude (m) and wavelength (cells) of two waves per axis; jitter (m) on top.
    private const double WaveAmplitudeM = 18.0;
    private const double CrossWaveAmplitudeM = 10.0;
    private const double VertexJitterM = 9.0;
    private const double MidpointJitterM = 3.0;

    private readonly Coordinate[,] vertices;   // [i, j]: i = 0..Columns west→east, j = 0..Rows south→north
    private readonly Coordinate[,] rowMiddles;  // [i, j]: middle of the edge (i, j)–(i+1, j)
    private readonly Coordinate[,] columnMiddles; // [i, j]: middle of the edge (i, j)–(i, j+1)

    private SyntheticGridLayout(int columns, int rows, int seed)
    {
        Columns = columns;
        Rows = rows;
        var pm = Geo.DegreePrecision;
        var sw = LocalProjection.ToLonLat(-columns * CellSizeM / 2, -rows * CellSizeM / 2);
        var ne = LocalProjection.ToLonLat(columns * CellSizeM / 2, rows * CellSizeM / 2);
        MinLon = pm.MakePrecise(sw.X);
        MinLat = pm.MakePrecise(sw.Y);
        MaxLon = pm.MakePrecise(ne.X);
        MaxLat = pm.MakePrecise(ne.Y);
        Extent = Geo.Box(Geo.Degrees, MinLon, MinLat, MaxLon, MaxLat);

        var warp = new Warp(seed);
        var origin = LocalProjection.ToMeters(MinLon, MinLat);
        var far = LocalProjection.ToMeters(MaxLon, MaxLat);
        var stepX = (far.X - origin.X) / columns;
        var stepY = (far.Y - origin.Y) / rows;
        Coordinate Place(double u, double v, double jitter, string key)
        {
            var (dx, dy) = warp.At(u, v);
            dx += jitter * ((2 * DeterministicHash.Fraction($"{seed}/{key}/x")) - 1);
            dy += jitter * ((2 * DeterministicHash.Fraction($"{seed}/{key}/y")) - 1);
            var ll = LocalProjection.ToLonLat(origin.X + (u * stepX) + dx, origin.Y + (v * stepY) + dy);

            // Points on the outer rectangle only slide along it.
            var lon = u == 0 ? MinLon : u == columns ? MaxLon : pm.MakePrecise(ll.X);
            var lat = v == 0 ? MinLat : v == rows ? MaxLat : pm.MakePrecise(ll.Y);
            return new Coordinate(lon, lat);
        }

        vertices = new Coordinate[columns + 1, rows + 1];
        rowMiddles = new Coordinate[columns, rows + 1];
        columnMiddles = new Coordinate[columns + 1, rows];
        for (var i = 0; i <= columns; i++)
        {
            for (var j = 0; j <= rows; j++)
            {
                vertices[i, j] = Place(i, j, VertexJitterM, $"v/{i}/{j}");
                if (i < columns)
                {
                    rowMiddles[i, j] = Place(i + 0.5, j, MidpointJitterM, $"r/{i}/{j}");
                }

                if (j < rows)
                {
                    columnMiddles[i, j] = Place(i, j + 0.5, MidpointJitterM, $"c/{i}/{j}");
                }
            }
        }
    }

    /// <summary>Cells west→east.</summary>
    public int Columns { get; }

    /// <summary>Cells south→north.</summary>
    public int Rows { get; }

    public double MinLon { get; }

    public double MinLat { get; }

    public double MaxLon { get; }

    public double MaxLat { get; }

    /// <summary>The lon/lat rectangle the cells tile exactly (corners on the 7-decimal grid).</summary>
    public Polygon Extent { get; }

    public int CellCount => Columns * Rows;

    /// <summary>A near-square lattice of about <paramref name="gridCount"/> cells.</summary>
    public static SyntheticGridLayout Create(int gridCount, int seed)
    {
        var columns = Math.Max(2, (int)Math.Round(Math.Sqrt(gridCount)));
        var rows = Math.Max(2, (int)Math.Round(gridCount / (double)columns));
        return new SyntheticGridLayout(columns, rows, seed);
    }

    /// <summary>Cell index → lattice position. Cells are indexed north→south, then west→east (the real generator's order).</summary>
    public (int I, int J) CellAt(int index) => (index % Columns, Rows - 1 - (index / Columns));

    /// <summary>The cell's ring, counter-clockwise from its south-west corner, with the middle point of every edge.</summary>
    public Polygon Cell(int index)
    {
        var (i, j) = CellAt(index);
        Coordinate[] ring =
        [
            vertices[i, j], rowMiddles[i, j], vertices[i + 1, j], columnMiddles[i + 1, j],
            vertices[i + 1, j + 1], rowMiddles[i, j + 1], vertices[i, j + 1], columnMiddles[i, j],
            vertices[i, j],
        ];
        return Geo.Degrees.CreatePolygon(ring.Select(c => c.Copy()).ToArray());
    }

    /// <summary>Along the west→east lattice line <paramref name="j"/> from vertex column <paramref name="fromI"/> to <paramref name="toI"/>: exactly the cells' edges.</summary>
    public LineString AlongRow(int j, int fromI, int toI)
    {
        var cs = new List<Coordinate> { vertices[fromI, j] };
        for (var i = fromI; i < toI; i++)
        {
            cs.Add(rowMiddles[i, j]);
            cs.Add(vertices[i + 1, j]);
        }

        return Geo.Degrees.CreateLineString(cs.Select(c => c.Copy()).ToArray());
    }

    /// <summary>Along the south→north lattice line <paramref name="i"/> from vertex row <paramref name="fromJ"/> to <paramref name="toJ"/>.</summary>
    public LineString AlongColumn(int i, int fromJ, int toJ)
    {
        var cs = new List<Coordinate> { vertices[i, fromJ] };
        for (var j = fromJ; j < toJ; j++)
        {
            cs.Add(columnMiddles[i, j]);
            cs.Add(vertices[i, j + 1]);
        }

        return Geo.Degrees.CreateLineString(cs.Select(c => c.Copy()).ToArray());
    }

    /// <summary>
    /// Smooth displacement (m) at lattice position (u, v); points on the outer rectangle keep only the part along it.
    /// Its gradient stays under ~15 m per cell, so with the jitter every cell stays a simple, nearly convex polygon.
    /// </summary>
    private sealed class Warp(int seed)
    {
        private readonly double[] phase = Enumerable.Range(0, 6).Select(k => DeterministicHash.Fraction($"{seed}/warp/{k}")).ToArray();

        public (double Dx, double Dy) At(double u, double v)
        {
            const double tau = 2 * Math.PI;
            var dx = (WaveAmplitudeM * Math.Sin(tau * ((u / 13.0) + phase[0])) * Math.Cos(tau * ((v / 17.0) + phase[1])))
                + (CrossWaveAmplitudeM * Math.Sin(tau * (((u + v) / 23.0) + phase[2])));
            var dy = (WaveAmplitudeM * Math.Cos(tau * ((u / 11.0) + phase[3])) * Math.Sin(tau * ((v / 15.0) + phase[4])))
                + (CrossWaveAmplitudeM * Math.Sin(tau * (((u - v) / 19.0) + phase[5])));
            return (dx, dy);
        }
    }
}
