namespace CommandCenter.CityGen;

/// <summary>Writes streets (街巷长制), vendor-zones and kiosks.</summary>
internal static class ServiceLayerWriter
{
    public static void WriteStreets(string outputDir, IReadOnlyList<NamedStreet> streets, DataAttribution? attribution = null) =>
        GeoJsonFileWriter.Write(Path.Combine(outputDir, "streets.geojson"), "streets",
            streets.Select(s => new GeoJsonFeature(s.Geometry, w =>
            {
                w.WriteString("id", s.Id);
                w.WriteString("name", s.Name);
                w.WriteString("roadClass", s.RoadClass);
                w.WriteString("level", s.Level);
                GeoJsonFileWriter.StringOrNull(w, "chiefId", s.Chief?.Id);
                GeoJsonFileWriter.StringOrNull(w, "chiefName", s.Chief?.Name);
                GeoJsonFileWriter.StringOrNull(w, "chiefPhone", s.Chief?.Phone);
                GeoJsonFileWriter.Number(w, "lengthM", s.LengthM, 1);
            })), attribution);

    public static void WriteVendorZones(string outputDir, IReadOnlyList<VendorZone> zones, DataAttribution? attribution = null) =>
        GeoJsonFileWriter.Write(Path.Combine(outputDir, "vendor-zones.geojson"), "vendor-zones",
            zones.Select(z => new GeoJsonFeature(z.Geometry, w =>
            {
                w.WriteString("id", z.Id);
                w.WriteString("name", z.Name);
                w.WriteString("type", z.Type);
                GeoJsonFileWriter.StringArray(w, "windows", z.Windows);
                GeoJsonFileWriter.StringOrNull(w, "seasonFrom", z.SeasonFrom);
                GeoJsonFileWriter.StringOrNull(w, "seasonTo", z.SeasonTo);
                w.WriteNumber("stallCount", z.StallCount);
                GeoJsonFileWriter.Number(w, "maxStallAreaM2", z.MaxStallAreaM2, 1);
                w.WriteString("goods", z.Goods);
                w.WriteString("manager", z.Manager);
                GeoJsonFileWriter.StringOrNull(w, "schoolName", z.SchoolName);
            })), attribution);

    public static void WriteKiosks(string outputDir, IReadOnlyList<Kiosk> kiosks, DataAttribution? attribution = null) =>
        GeoJsonFileWriter.Write(Path.Combine(outputDir, "kiosks.geojson"), "kiosks",
            kiosks.Select(k => new GeoJsonFeature(k.Location, w =>
            {
                w.WriteString("id", k.Id);
                w.WriteString("name", k.Name);
                w.WriteString("kind", k.Kind);
                GeoJsonFileWriter.StringArray(w, "services", k.Services);
                w.WriteString("hours", k.Hours);
                w.WriteBoolean("is24h", k.Is24h);
                w.WriteBoolean("hasToilet", k.HasToilet);
                w.WriteNumber("radiusM", k.RadiusM);
                w.WriteStartArray("supplies");
                foreach (var s in k.Supplies)
                {
                    w.WriteStartObject();
                    w.WriteString("item", s.Item);
                    w.WriteNumber("stock", s.Stock);
                    w.WriteNumber("threshold", s.Threshold);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("phone", k.Phone);
            })), attribution);
}
