using System.Globalization;
using System.Text;

namespace CommandCenter.CityGen;

/// <summary>Counts and statistics of one synthetic city: printed by the CLI and written into its README.md.</summary>
internal sealed class SyntheticCitySummary
{
    public required int Seed { get; init; }
    public required int RequestedGrids { get; init; }
    public required int Columns { get; init; }
    public required int Rows { get; init; }
    public required (double MinLon, double MinLat, double MaxLon, double MaxLat) Extent { get; init; }
    public required double AreaKm2 { get; init; }
    public required int Grids { get; init; }
    public required double MinArea { get; init; }
    public required double MedianArea { get; init; }
    public required double MeanArea { get; init; }
    public required double MaxArea { get; init; }
    public required IReadOnlyList<(string Code, string Name, int Subdistricts, int Communities, int Grids)> Districts { get; init; }
    public required int Subdistricts { get; init; }
    public required int Communities { get; init; }
    public required int MinCommunitySize { get; init; }
    public required int MaxCommunitySize { get; init; }
    public required int DutyGrids { get; init; }
    public required int MinDutySize { get; init; }
    public required int MaxDutySize { get; init; }
    public required int Streets { get; init; }
    public required int StreetChiefs { get; init; }
    public required int AlleyChiefs { get; init; }
    public required double StreetKm { get; init; }
    public required SortedDictionary<string, int> ZonesByType { get; init; }
    public required int Kiosks { get; init; }
    public required int Stations { get; init; }
    public required int Departments { get; init; }
    public required int Categories { get; init; }
    public required int People { get; init; }

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"synthetic city, seed {Seed}: {Columns}×{Rows} lattice, {AreaKm2:F1} km², lon {Extent.MinLon}–{Extent.MaxLon}, lat {Extent.MinLat}–{Extent.MaxLat}\n");
        sb.Append(inv, $"unit grids {Grids}: area m² min {MinArea:F0} / median {MedianArea:F0} / mean {MeanArea:F0} / max {MaxArea:F0}\n");
        foreach (var d in Districts)
        {
            sb.Append(inv, $"  {d.Code} {d.Name}: {d.Subdistricts} 街道, {d.Communities} 社区, {d.Grids} grids\n");
        }

        sb.Append(inv, $"街道 {Subdistricts}, 社区 {Communities} ({MinCommunitySize}–{MaxCommunitySize} grids each), duty grids {DutyGrids} ({MinDutySize}–{MaxDutySize} grids each)\n");
        sb.Append(inv, $"streets {Streets} ({StreetChiefs} 街长, {AlleyChiefs} 巷长, {StreetKm:F0} km)\n");
        sb.Append("vendor zones " + string.Join(", ", ZonesByType.Select(kv => string.Create(inv, $"{kv.Key} {kv.Value}"))) + "\n");
        sb.Append(inv, $"kiosks {Kiosks} ({Stations} stations), departments {Departments}, categories {Categories}, people {People}");
        return sb.ToString();
    }
}
