using System.Globalization;
using System.Text.Json;
using CommandCenter.Web.City;
using CommandCenter.Web.Data.City;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Zones;

/// <summary>A stored zone as a GeoJSON Feature with every attribute (the API's answer and the change log's before/after).</summary>
public static class ZoneGeoJson
{
    public static Feature Feature(VendorZoneRow z, bool? openNow = null)
    {
        var attributes = new AttributesTable
        {
            { "id", z.Id }, { "name", z.Name }, { "type", z.Type }, { "windows", z.Windows },
            { "seasons", CityGeography.SeasonsOf(z).Select(s => new { from = s.From, to = s.To }).ToArray() },
            { "closedDates", z.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray() },
            { "closedOnPublicHolidays", z.ClosedOnPublicHolidays }, { "stallCount", z.StallCount }, { "maxStallAreaM2", z.MaxStallAreaM2 },
            { "goods", z.Goods }, { "bannedGoods", z.BannedGoods }, { "manager", z.Manager }, { "schoolName", z.SchoolName },
            { "capacity", z.Capacity }, { "operator", z.Operator }, { "parked", z.Parked }, { "version", z.Version }, { "retiredAt", z.RetiredAt },
        };
        if (openNow is { } open)
        {
            attributes.Add("openNow", open);
        }
        return new Feature(z.Geom, attributes);
    }

    public static FeatureCollection Collection(IEnumerable<Feature> features)
    {
        var collection = new FeatureCollection();
        foreach (var f in features)
        {
            collection.Add(f);
        }
        return collection;
    }

    /// <summary>The feature as JSON text, geometry included: what the change log keeps as before/after.</summary>
    public static string Json(VendorZoneRow z) => JsonSerializer.Serialize(Feature(z), CityGeography.GeoJson);

    public static IResult Result(object featureOrCollection) =>
        Results.Text(JsonSerializer.Serialize(featureOrCollection, CityGeography.GeoJson), "application/geo+json");
}
