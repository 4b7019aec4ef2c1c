using System.Globalization;
using System.Text;

namespace CommandCenter.CityGen;

/// <summary>Counts and statistics of one run: printed by the CLI and written into gis-data/README.md.</summary>
internal sealed class GenerationSummary
{
    public required SortedDictionary<string, int> Basemap { get; init; }
    public required int Grids { get; init; }
    public required double MinArea { get; init; }
    public required double MedianArea { get; init; }
    public required double MaxArea { get; init; }
    public required double MeanArea { get; init; }
    public required IReadOnlyList<(string Name, int Communities, int Grids)> Subdistricts { get; init; }
    public required int Communities { get; init; }
    public required int DutyGrids { get; init; }
    public required int MinDutySize { get; init; }
    public required int MaxDutySize { get; init; }
    public required int Streets { get; init; }
    public required int StreetChiefs { get; init; }
    public required int AlleyChiefs { get; init; }
    public required int GuidedZones { get; init; }
    public required int BannedZones { get; init; }
    public required int Kiosks { get; init; }
    public required int Departments { get; init; }
    public required int Categories { get; init; }
    public required int People { get; init; }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"unit grids {Grids}: area m² min {MinArea:F0} / median {MedianArea:F0} / mean {MeanArea:F0} / max {MaxArea:F0}\n");
        foreach (var (name, c, g) in Subdistricts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {name}: {c} communities, {g} grids\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"communities {Communities}, duty grids {DutyGrids} ({MinDutySize}–{MaxDutySize} grids each)\n");
        sb.Append(CultureInfo.InvariantCulture, $"streets {Streets} ({StreetChiefs} 街长, {AlleyChiefs} 巷长), vendor zones {GuidedZones} guided + {BannedZones} banned, kiosks {Kiosks}\n");
        sb.Append(CultureInfo.InvariantCulture, $"departments {Departments}, categories {Categories}, people {People}\n");
        sb.Append("basemap: " + string.Join(", ", Basemap.Select(kv => $"{kv.Key} {kv.Value}")));
        return sb.ToString();
    }
}
