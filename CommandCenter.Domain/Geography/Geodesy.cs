using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace CommandCenter.Domain.Geography;

/// <summary>Metre distances between lon/lat geometries, good to well under a metre across a city.</summary>
public static class Geodesy
{
    private const double MetresPerDegreeLat = 110_574.0;
    private const double MetresPerDegreeLonAtEquator = 111_320.0;

    /// <summary>Degrees of latitude that span the given metres (for building search envelopes).</summary>
    public static double DegreesLat(double metres) => metres / MetresPerDegreeLat;

    /// <summary>Degrees of longitude that span the given metres at a latitude.</summary>
    public static double DegreesLon(double metres, double latitude) =>
        metres / (MetresPerDegreeLonAtEquator * Math.Cos(latitude * Math.PI / 180.0));

    /// <summary>Metres spanned by degrees of longitude at a latitude.</summary>
    public static double DegreesToMetresLon(double degrees, double latitude) =>
        degrees * MetresPerDegreeLonAtEquator * Math.Cos(latitude * Math.PI / 180.0);

    /// <summary>Metres spanned by degrees of latitude.</summary>
    public static double DegreesToMetresLat(double degrees) => degrees * MetresPerDegreeLat;

    /// <summary>Envelope around a point, padded by metres on every side.</summary>
    public static Envelope Around(Coordinate point, double metres)
    {
        var envelope = new Envelope(point);
        envelope.ExpandBy(DegreesLon(metres, point.Y), DegreesLat(metres));
        return envelope;
    }

    /// <summary>Shortest distance in metres from a point to a geometry, in a local equirectangular projection centred on the point.</summary>
    public static double DistanceMetres(Point point, Geometry geometry)
    {
        var origin = point.Coordinate;
        var local = geometry.Copy();
        local.Apply(new ToLocalMetres(origin));
        return DistanceOp.Distance(point.Factory.CreatePoint(new Coordinate(0, 0)), local);
    }

    /// <summary>Moves coordinates into metres east/north of an origin, so distances are isotropic.</summary>
    private sealed class ToLocalMetres(Coordinate origin) : IEntireCoordinateSequenceFilter
    {
        private readonly double _lonScale = MetresPerDegreeLonAtEquator * Math.Cos(origin.Y * Math.PI / 180.0);

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, (seq.GetX(i) - origin.X) * _lonScale);
                seq.SetY(i, (seq.GetY(i) - origin.Y) * MetresPerDegreeLat);
            }
        }
    }

    /// <summary>Distance in metres between two lon/lat coordinates.</summary>
    public static double DistanceMetres(Coordinate a, Coordinate b)
    {
        var midLat = (a.Y + b.Y) / 2.0 * Math.PI / 180.0;
        var dx = (b.X - a.X) * MetresPerDegreeLonAtEquator * Math.Cos(midLat);
        var dy = (b.Y - a.Y) * MetresPerDegreeLat;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
