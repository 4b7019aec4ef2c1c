using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace CommandCenter.Domain.Intake;

/// <summary>
/// 地址定位: turns an address a citizen or caller gives ("玄武区中山东路18号") into a place, by the city's named streets:
/// the longest street name the address contains, and a point on that street inside a unit grid.
/// </summary>
public static class StreetAddress
{
    // Where along the street to try, middle first, so the pin lands where the street is most likely in the city.
    private static readonly double[] Fractions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.0, 1.0];

    /// <summary>The street the address names and a point on it, or null when it names no street of the city.</summary>
    public static StreetPlace? Resolve(string? address, GridIndex city)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var text = address.Trim();
        return city.City.Streets
            .Where(s => s.Name.Length > 0 && text.Contains(s.Name, StringComparison.Ordinal))
            .OrderByDescending(s => s.Name.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => PointOn(s, city))
            .FirstOrDefault(p => p is not null);
    }

    /// <summary>A point on the street that lies in a unit grid (the street's notice-board QR code names only the street).</summary>
    public static StreetPlace? PointOn(Street street, GridIndex city)
    {
        var line = new LengthIndexedLine(street.Line);
        var length = street.Line.Length;
        foreach (var fraction in Fractions)
        {
            var c = line.ExtractPoint(length * fraction);
            var point = street.Line.Factory.CreatePoint(new Coordinate(c.X, c.Y));
            if (city.GridAt(point) is not null)
            {
                return new StreetPlace(street, point);
            }
        }
        return street.Line.Coordinates
            .Select(c => street.Line.Factory.CreatePoint(new Coordinate(c.X, c.Y)))
            .Where(p => city.GridAt(p) is not null)
            .Select(p => new StreetPlace(street, p))
            .FirstOrDefault();
    }
}

