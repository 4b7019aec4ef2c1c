namespace CommandCenter.CityGen;

/// <summary>
/// 街巷长制 streets of the synthetic city, running exactly along grid edges: every 5th interior lattice line is a
/// main road (primary every 20th, secondary every 10th, else tertiary: 街长), the other even lines are back
/// streets (residential / living_street: 巷长). Each line is cut into named streets, main roads about 2 km long,
/// back streets as long as it takes to reach about the wanted number of streets.
/// </summary>
internal static class SyntheticStreetBuilder
{
    private const double MainRoadAverageCells = 20.0;

    private sealed record Line(bool AlongRow, int Index, int Cells, string RoadClass)
    {
        public bool IsMain => CityGen.RoadClass.ChiefLevel(RoadClass) == "街长";
    }

    public static List<NamedStreet> Build(SyntheticGridLayout layout, SyntheticPlaceNames names, int seed, int wantedStreets)
    {
        var lines = new List<Line>();
        for (var j = layout.Rows - 1; j >= 1; j--)
        {
            if (RoadClassOf(j, $"{seed}/row/{j}") is { } roadClass)
            {
                lines.Add(new Line(true, j, layout.Columns, roadClass));
            }
        }

        for (var i = 1; i < layout.Columns; i++)
        {
            if (RoadClassOf(i, $"{seed}/column/{i}") is { } roadClass)
            {
                lines.Add(new Line(false, i, layout.Rows, roadClass));
            }
        }

        var mainCells = lines.Where(l => l.IsMain).Sum(l => l.Cells);
        var laneCells = lines.Where(l => !l.IsMain).Sum(l => l.Cells);
        var lanesWanted = Math.Max(1.0, wantedStreets - (mainCells / MainRoadAverageCells));
        var laneAverage = Math.Clamp(laneCells / lanesWanted, 3.0, 60.0);

        var streets = new List<NamedStreet>();
        foreach (var line in lines)
        {
            var average = line.IsMain ? MainRoadAverageCells : laneAverage;
            foreach (var (from, to) in Pieces(line.Cells, average, $"{seed}/{(line.AlongRow ? "row" : "column")}/{line.Index}"))
            {
                var part = line.AlongRow ? layout.AlongRow(line.Index, from, to) : layout.AlongColumn(line.Index, from, to);
                var geometry = Geo.Degrees.CreateMultiLineString([part]);
                var id = $"S{streets.Count + 1:0000}";
                streets.Add(new NamedStreet(id, names.Street(id, line.IsMain), line.RoadClass, geometry, LocalProjection.LengthMeters(geometry)));
            }
        }

        return streets;
    }

    private static string? RoadClassOf(int index, string key) => index switch
    {
        _ when index % 20 == 0 => "primary",
        _ when index % 10 == 0 => "secondary",
        _ when index % 5 == 0 => "tertiary",
        _ when index % 2 == 0 => DeterministicHash.Pick(key, 4) == 0 ? "living_street" : "residential",
        _ => null,
    };

    /// <summary>Cuts 0..cells into pieces of 0.5–1.5 × the average (at least 2 cells); a short tail joins the last piece.</summary>
    private static List<(int From, int To)> Pieces(int cells, double average, string key)
    {
        var pieces = new List<(int, int)>();
        var from = 0;
        while (from < cells)
        {
            var length = Math.Max(2, (int)Math.Round(average * (0.5 + DeterministicHash.Fraction($"{key}/{pieces.Count}"))));
            var to = cells - (from + length) < average / 2 ? cells : from + length;
            pieces.Add((from, to));
            from = to;
        }

        return pieces;
    }
}
