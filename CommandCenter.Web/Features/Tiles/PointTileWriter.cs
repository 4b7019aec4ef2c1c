using System.Buffers;
using System.Text;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// Encodes one Mapbox Vector Tile layer of points (spec 2.1) in process, the way <c>ST_AsMVT(ST_AsMVTGeom(…))</c> encodes
/// it: web-mercator position snapped to the tile's 4096 grid (half to even), points beyond the buffer dropped, keys and
/// values shared, null properties left out, integers ≥ 0 as uint and below 0 as sint. Case tiles are built here
/// from the rows they read: sending thousands of read rows back to PostgreSQL only to encode them cost a second round
/// trip and most of the tile's time (P4).
/// </summary>
public sealed class PointTileWriter(string layerName, TileAddress tile, int extent = VectorTiles.Extent, int buffer = VectorTiles.Buffer)
{
    private const double EarthRadius = 6378137.0;
    private static readonly double WorldHalf = Math.PI * EarthRadius;

    private readonly ArrayBufferWriter<byte> _features = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _feature = new(256);
    private readonly List<uint> _tags = new(32);
    private readonly Dictionary<string, uint> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<TileValue, uint> _values = [];
    private readonly List<TileValue> _valueOrder = [];
    // The tile's west and north edges in web-mercator metres, and tile units per metre.
    private readonly double _minX = -WorldHalf + tile.X * tile.WidthMetres;
    private readonly double _maxY = WorldHalf - tile.Y * tile.WidthMetres;
    private readonly double _scale = extent / tile.WidthMetres;
    private int _x;
    private int _y;

    /// <summary>Features written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a point feature at lon/lat; false (and nothing started) when it lies beyond the tile's buffer.</summary>
    public bool BeginPoint(double lon, double lat)
    {
        var mx = lon * Math.PI / 180 * EarthRadius;
        var my = Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)) * EarthRadius;
        var tx = Math.Round((mx - _minX) * _scale, MidpointRounding.ToEven);
        var ty = Math.Round((_maxY - my) * _scale, MidpointRounding.ToEven);
        if (!(tx >= -buffer && tx <= extent + buffer && ty >= -buffer && ty <= extent + buffer))
        {
            return false;
        }
        (_x, _y) = ((int)tx, (int)ty);
        _tags.Clear();
        return true;
    }

    public void Property(string key, string? value)
    {
        if (value is not null)
        {
            Tag(key, TileValue.Of(value));
        }
    }

    public void Property(string key, long? value)
    {
        if (value is { } v)
        {
            Tag(key, TileValue.Of(v));
        }
    }

    public void Property(string key, bool value) => Tag(key, TileValue.Of(value));

    /// <summary>Ends the feature begun by <see cref="BeginPoint"/>.</summary>
    public void EndPoint()
    {
        _feature.ResetWrittenCount();
        if (_tags.Count > 0)
        {
            var length = 0;
            foreach (var t in _tags)
            {
                length += VarintLength(t);
            }
            Key(_feature, 2, 2);
            Varint(_feature, (ulong)length);
            foreach (var t in _tags)
            {
                Varint(_feature, t);
            }
        }
        Key(_feature, 3, 0);
        Varint(_feature, 1); // POINT
        var zx = ZigZag(_x);
        var zy = ZigZag(_y);
        Key(_feature, 4, 2);
        Varint(_feature, (ulong)(1 + VarintLength(zx) + VarintLength(zy)));
        Varint(_feature, (1 << 3) | 1); // MoveTo, one point
        Varint(_feature, zx);
        Varint(_feature, zy);
        Key(_features, 2, 2);
        Varint(_features, (ulong)_feature.WrittenCount);
        _features.Write(_feature.WrittenSpan);
        Count++;
    }

    /// <summary>The tile: one layer, or no bytes at all when no feature was written (as ST_AsMVT over no rows).</summary>
    public byte[] ToArray()
    {
        if (Count == 0)
        {
            return [];
        }
        var layer = new ArrayBufferWriter<byte>(_features.WrittenCount + 1024);
        Key(layer, 15, 0);
        Varint(layer, 2);
        String(layer, 1, layerName);
        layer.Write(_features.WrittenSpan);
        foreach (var key in _keys.Keys)
        {
            String(layer, 3, key);
        }
        var value = new ArrayBufferWriter<byte>(64);
        foreach (var v in _valueOrder)
        {
            value.ResetWrittenCount();
            v.WriteTo(value);
            Key(layer, 4, 2);
            Varint(layer, (ulong)value.WrittenCount);
            layer.Write(value.WrittenSpan);
        }
        Key(layer, 5, 0);
        Varint(layer, (ulong)extent);
        var tileBytes = new ArrayBufferWriter<byte>(layer.WrittenCount + 8);
        Key(tileBytes, 3, 2);
        Varint(tileBytes, (ulong)layer.WrittenCount);
        tileBytes.Write(layer.WrittenSpan);
        return tileBytes.WrittenSpan.ToArray();
    }

    private void Tag(string key, TileValue value)
    {
        // Dictionary enumeration follows insertion order while nothing is removed: keys are written in the order first used.
        if (!_keys.TryGetValue(key, out var k))
        {
            _keys[key] = k = (uint)_keys.Count;
        }
        if (!_values.TryGetValue(value, out var v))
        {
            _values[value] = v = (uint)_valueOrder.Count;
            _valueOrder.Add(value);
        }
        _tags.Add(k);
        _tags.Add(v);
    }

    private static ulong ZigZag(long n) => (ulong)((n << 1) ^ (n >> 63));

    private static void Key(IBufferWriter<byte> w, int field, int wire) => Varint(w, (ulong)((field << 3) | wire));

    private static void String(IBufferWriter<byte> w, int field, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Key(w, field, 2);
        Varint(w, (ulong)length);
        Encoding.UTF8.GetBytes(text, w);
    }

    internal static void Varint(IBufferWriter<byte> w, ulong value)
    {
        var span = w.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        w.Advance(i);
    }

    private static int VarintLength(ulong value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }
        return n;
    }

    private static int VarintLength(uint value) => VarintLength((ulong)value);

    /// <summary>A property value as the tile's value table holds it (one entry per distinct value and type).</summary>
    private readonly record struct TileValue(byte Kind, string? Text, long Number)
    {
        public static TileValue Of(string text) => new(1, text, 0);

        public static TileValue Of(long number) => new(number >= 0 ? (byte)5 : (byte)6, null, number);

        public static TileValue Of(bool flag) => new(7, null, flag ? 1 : 0);

        public void WriteTo(IBufferWriter<byte> w)
        {
            switch (Kind)
            {
                case 1:
                    String(w, 1, Text!);
                    break;
                case 5:
                    Key(w, 5, 0);
                    Varint(w, (ulong)Number);
                    break;
                case 6:
                    Key(w, 6, 0);
                    Varint(w, ZigZag(Number));
                    break;
                default:
                    Key(w, 7, 0);
                    Varint(w, (ulong)Number);
                    break;
            }
        }
    }
}
