using System.Text;

namespace CommandCenter.Tests.Support;

/// <summary>
/// A small reader of Mapbox Vector Tiles (protobuf, spec 2.1): layers, their features' ids, geometry types,
/// properties and geometry command counts. Enough to check what the server encoded without another package.
/// </summary>
public static class MvtReader
{
    public sealed record Layer(string Name, int Version, int Extent, IReadOnlyList<Feature> Features);

    /// <summary>Type: 1 point, 2 line, 3 polygon. Geometry: the raw command integers.</summary>
    public sealed record Feature(ulong? Id, int Type, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<uint> Geometry)
    {
        /// <summary>The first point of the geometry in tile units (MoveTo's zig-zag deltas from 0,0).</summary>
        public (int X, int Y) FirstPoint => (Unzig(Geometry[1]), Unzig(Geometry[2]));
    }

    public static IReadOnlyList<Layer> Read(byte[] tile)
    {
        var layers = new List<Layer>();
        var r = new Reader(tile);
        while (!r.End)
        {
            var (field, wire) = r.Key();
            if (field == 3 && wire == 2) layers.Add(ReadLayer(r.Bytes()));
            else r.Skip(wire);
        }
        return layers;
    }

    private static Layer ReadLayer(byte[] bytes)
    {
        var r = new Reader(bytes);
        string name = "";
        int version = 1, extent = 4096;
        var keys = new List<string>();
        var values = new List<object?>();
        var raw = new List<(ulong? Id, int Type, List<uint> Tags, List<uint> Geometry)>();
        while (!r.End)
        {
            var (field, wire) = r.Key();
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(r.Bytes()); break;
                case 2: raw.Add(ReadFeature(r.Bytes())); break;
                case 3: keys.Add(Encoding.UTF8.GetString(r.Bytes())); break;
                case 4: values.Add(ReadValue(r.Bytes())); break;
                case 5: extent = (int)r.Varint(); break;
                case 15: version = (int)r.Varint(); break;
                default: r.Skip(wire); break;
            }
        }
        var features = raw.Select(f =>
        {
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < f.Tags.Count; i += 2) props[keys[(int)f.Tags[i]]] = values[(int)f.Tags[i + 1]];
            return new Feature(f.Id, f.Type, props, f.Geometry);
        }).ToList();
        return new Layer(name, version, extent, features);
    }

    private static (ulong? Id, int Type, List<uint> Tags, List<uint> Geometry) ReadFeature(byte[] bytes)
    {
        var r = new Reader(bytes);
        ulong? id = null;
        var type = 0;
        var tags = new List<uint>();
        var geometry = new List<uint>();
        while (!r.End)
        {
            var (field, wire) = r.Key();
            switch (field)
            {
                case 1: id = r.Varint(); break;
                case 2: tags.AddRange(Packed(r.Bytes())); break;
                case 3: type = (int)r.Varint(); break;
                case 4: geometry.AddRange(Packed(r.Bytes())); break;
                default: r.Skip(wire); break;
            }
        }
        return (id, type, tags, geometry);
    }

    private static object? ReadValue(byte[] bytes)
    {
        var r = new Reader(bytes);
        object? value = null;
        while (!r.End)
        {
            var (field, wire) = r.Key();
            value = field switch
            {
                1 => Encoding.UTF8.GetString(r.Bytes()),
                2 => (double)BitConverter.ToSingle(r.Fixed(4)),
                3 => BitConverter.ToDouble(r.Fixed(8)),
                4 => (long)r.Varint(),
                5 => (long)r.Varint(),
                6 => Unzig64(r.Varint()),
                7 => r.Varint() != 0,
                _ => Skip(r, wire),
            };
        }
        return value;
    }

    private static object? Skip(Reader r, int wire)
    {
        r.Skip(wire);
        return null;
    }

    private static IEnumerable<uint> Packed(byte[] bytes)
    {
        var r = new Reader(bytes);
        var list = new List<uint>();
        while (!r.End) list.Add((uint)r.Varint());
        return list;
    }

    private static int Unzig(uint v) => (int)(v >> 1) ^ -(int)(v & 1);

    private static long Unzig64(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private sealed class Reader(byte[] data)
    {
        private int _pos;

        public bool End => _pos >= data.Length;

        public (int Field, int Wire) Key()
        {
            var key = Varint();
            return ((int)(key >> 3), (int)(key & 7));
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[_pos++];
                result |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0) return result;
            }
        }

        public byte[] Bytes()
        {
            var length = (int)Varint();
            var bytes = data.AsSpan(_pos, length).ToArray();
            _pos += length;
            return bytes;
        }

        public byte[] Fixed(int n)
        {
            var bytes = data.AsSpan(_pos, n).ToArray();
            _pos += n;
            return bytes;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _pos += 8; break;
                case 2: _pos += (int)Varint(); break;
                case 5: _pos += 4; break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
    }
}
