using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>One tile of the web-mercator pyramid (z/x/y, y counted from the top as in XYZ and ST_TileEnvelope).</summary>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>Deeper tiles than this are refused: a 100 m grid is a speck at z 10 and fills the screen at z 20.</summary>
    public const int MaxZoom = 22;

    /// <summary>The address in the route's text, or the field errors that say what is wrong with it.</summary>
    public static TileAddress? Parse(string? z, string? x, string? y, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        var zoom = Number("z", z, 0, MaxZoom, found);
        var max = zoom is { } zz ? (1 << zz) - 1 : int.MaxValue;
        var col = Number("x", x, 0, max, found);
        var row = Number("y", y, 0, max, found);
        errors = found;
        return found.Count == 0 ? new TileAddress(zoom!.Value, col!.Value, row!.Value) : null;
    }

    /// <summary>Width of the tile in web-mercator metres.</summary>
    public double WidthMetres => 2 * Math.PI * 6378137 / (1 << Z);

    /// <summary>West, south, east, north in degrees, grown by <paramref name="margin"/> (a fraction of the tile width) on every side.</summary>
    public (double West, double South, double East, double North) Bounds(double margin = 0)
    {
        var n = (double)(1 << Z);
        double Lon(double col) => col / n * 360 - 180;
        double Lat(double row) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * row / n))) * 180 / Math.PI;
        return (Lon(X - margin), Lat(Y + 1 + margin), Lon(X + 1 + margin), Lat(Y - margin));
    }

    /// <summary>The tiles at zoom <paramref name="z"/> that a west/south/east/north box in degrees touches, row by row.</summary>
    public static IEnumerable<TileAddress> Covering(double west, double south, double east, double north, int z)
    {
        var n = 1 << z;
        int Col(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / 360 * n), 0, n - 1);
        int Row(double lat)
        {
            var r = lat * Math.PI / 180;
            return Math.Clamp((int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n), 0, n - 1);
        }
        for (var y = Row(north); y <= Row(south); y++)
        {
            for (var x = Col(west); x <= Col(east); x++)
            {
                yield return new TileAddress(z, x, y);
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Z}/{X}/{Y}");

    private static int? Number(string field, string? text, int min, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, "Required"));
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new FieldError(field, "NotANumber", text.Length > 40 ? text[..40] : text));
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(new FieldError(field, "OutOfRange", min, max));
            return null;
        }
        return value;
    }
}
