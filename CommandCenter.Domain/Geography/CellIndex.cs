using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>
/// A fixed lattice of square cells over an envelope, each listing the items whose envelope touches it: a point's
/// candidates are one array slice, with no tree walk and no allocation (the city's grids, street segments and zones are
/// roughly evenly spread, which is where this beats an STR-tree). Items outside the lattice are clamped to its edge
/// cells, so a query never misses an item whose envelope covers the queried box.
/// </summary>
internal sealed class CellIndex
{
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _maxX;
    private readonly double _maxY;
    private readonly double _cell;
    private readonly int _columns;
    private readonly int _rows;
    // Compressed rows: cell c holds _items[_starts[c].._starts[c + 1]].
    private readonly int[] _starts;
    private readonly int[] _items;

    /// <param name="envelopes">The items' envelopes; an item is known by its position in this list.</param>
    /// <param name="cellSize">The side of a cell in the envelopes' units.</param>
    /// <param name="maxCells">An upper bound on the lattice's size (the cell grows to stay under it).</param>
    public CellIndex(IReadOnlyList<Envelope> envelopes, double cellSize, int maxCells = 4_000_000)
    {
        var bounds = new Envelope();
        foreach (var e in envelopes)
        {
            bounds.ExpandToInclude(e);
        }
        if (bounds.IsNull)
        {
            bounds = new Envelope(0, 0, 0, 0);
        }
        _cell = cellSize > 0 && double.IsFinite(cellSize) ? cellSize : 1;
        while ((bounds.Width / _cell + 1) * (bounds.Height / _cell + 1) > maxCells)
        {
            _cell *= 2;
        }
        (_minX, _minY, _maxX, _maxY) = (bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY);
        _columns = (int)(bounds.Width / _cell) + 1;
        _rows = (int)(bounds.Height / _cell) + 1;
        var counts = new int[_columns * _rows + 1];
        foreach (var e in envelopes)
        {
            ForEachCell(e.MinX, e.MinY, e.MaxX, e.MaxY, c => counts[c]++);
        }
        _starts = new int[counts.Length];
        for (var c = 1; c < counts.Length; c++)
        {
            _starts[c] = _starts[c - 1] + counts[c - 1];
        }
        _items = new int[_starts[^1]];
        var fill = (int[])_starts.Clone();
        for (var i = 0; i < envelopes.Count; i++)
        {
            var e = envelopes[i];
            ForEachCell(e.MinX, e.MinY, e.MaxX, e.MaxY, c => _items[fill[c]++] = i);
        }
    }

    /// <summary>The items whose envelope may hold (x, y): those touching its cell; empty outside the lattice.</summary>
    public ReadOnlySpan<int> At(double x, double y)
    {
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
        {
            return [];
        }
        return InCell(ClampColumn(x), ClampRow(y));
    }

    /// <summary>Whether a box reaches the lattice at all.</summary>
    public bool Touches(double minX, double minY, double maxX, double maxY) => minX <= _maxX && maxX >= _minX && minY <= _maxY && maxY >= _minY;

    /// <summary>The cells a box covers (clamped to the lattice), as a column and row range.</summary>
    public (int Col0, int Row0, int Col1, int Row1) Cells(double minX, double minY, double maxX, double maxY) =>
        (ClampColumn(minX), ClampRow(minY), ClampColumn(maxX), ClampRow(maxY));

    /// <summary>The items of one cell (an item spanning several cells is in each of them).</summary>
    public ReadOnlySpan<int> InCell(int col, int row)
    {
        var c = row * _columns + col;
        return _items.AsSpan(_starts[c], _starts[c + 1] - _starts[c]);
    }

    private int ClampColumn(double x) => (int)Math.Clamp(Math.Floor((x - _minX) / _cell), 0, _columns - 1);

    private int ClampRow(double y) => (int)Math.Clamp(Math.Floor((y - _minY) / _cell), 0, _rows - 1);

    private void ForEachCell(double minX, double minY, double maxX, double maxY, Action<int> visit)
    {
        var (c0, r0, c1, r1) = Cells(minX, minY, maxX, maxY);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                visit(r * _columns + c);
            }
        }
    }
}
