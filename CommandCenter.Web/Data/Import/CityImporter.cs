using CommandCenter.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Import;

/// <summary>Writes a validated city into the database, replacing the previous one in a single transaction.</summary>
public sealed class CityImporter(CommandCenterDb db, ILogger<CityImporter> logger)
{
    /// <summary>Validates every file under <paramref name="root"/>, then replaces the city; nothing is written when validation fails.</summary>
    public async Task ImportAsync(string root, CancellationToken ct = default)
    {
        var city = CityDataLoader.Load(root);
        CheckColumnLengths(city);
        var calendars = LoadCalendars(root);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BasemapFeatures.ExecuteDeleteAsync(ct);
        await db.UnitGrids.ExecuteDeleteAsync(ct);
        await db.DutyGrids.ExecuteDeleteAsync(ct);
        await db.Communities.ExecuteDeleteAsync(ct);
        await db.Subdistricts.ExecuteDeleteAsync(ct);
        await db.Streets.ExecuteDeleteAsync(ct);
        await db.VendorZones.ExecuteDeleteAsync(ct);
        await db.Kiosks.ExecuteDeleteAsync(ct);
        await db.Categories.ExecuteDeleteAsync(ct);
        await db.People.ExecuteDeleteAsync(ct);
        await db.Departments.ExecuteDeleteAsync(ct);

        db.Departments.AddRange(city.Departments);
        db.People.AddRange(city.People);
        db.Categories.AddRange(city.Categories);
        db.Subdistricts.AddRange(city.Subdistricts);
        db.Communities.AddRange(city.Communities);
        db.DutyGrids.AddRange(city.DutyGrids);
        db.UnitGrids.AddRange(city.UnitGrids);
        db.Streets.AddRange(city.Streets);
        db.VendorZones.AddRange(city.VendorZones);
        db.Kiosks.AddRange(city.Kiosks);
        db.BasemapFeatures.AddRange(city.Basemap);
        foreach (var calendar in calendars)
        {
            // A year's file replaces that year's holidays and make-up days.
            var from = new DateOnly(calendar.Year, 1, 1);
            var to = new DateOnly(calendar.Year, 12, 31);
            await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ExecuteDeleteAsync(ct);
            db.CalendarDays.AddRange(calendar.Days.Select(d => new Rules.CalendarDayRow { Date = d.Date, Kind = d.Kind.Slug(), Name = d.Name }));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Imported the demo city from {Root}: {Grids} unit grids, {Communities} communities, {Streets} streets, {Zones} vendor zones, {Kiosks} kiosks, {Basemap} basemap features",
            root, city.UnitGrids.Count, city.Communities.Count, city.Streets.Count, city.VendorZones.Count, city.Kiosks.Count, city.Basemap.Count);
    }

    /// <summary>Values longer than their columns are reported like every other problem, before anything is written.</summary>
    private void CheckColumnLengths(CityDataSet city)
    {
        var errors = new List<ImportError>();
        void Check<T>(IEnumerable<T> rows, string file, Func<T, string> label) where T : class
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var limited = entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null).ToList();
            foreach (var row in rows)
            {
                foreach (var property in limited)
                {
                    if (property.PropertyInfo?.GetValue(row) is string value && value.Length > property.GetMaxLength())
                    {
                        var field = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                        errors.Add(new ImportError(file, label(row), field,
                            $"超过 {property.GetMaxLength()} 个字符 / longer than {property.GetMaxLength()} characters"));
                    }
                }
            }
        }
        Check(city.Subdistricts, "subdistricts.geojson", r => r.Code);
        Check(city.Communities, "communities.geojson", r => r.Code);
        Check(city.DutyGrids, "duty-grids.geojson", r => r.Code);
        Check(city.UnitGrids, "unit-grids.geojson", r => r.Code);
        Check(city.Streets, "streets.geojson", r => r.Id);
        Check(city.VendorZones, "vendor-zones.geojson", r => r.Id);
        Check(city.Kiosks, "kiosks.geojson", r => r.Id);
        Check(city.Departments, "departments.json", r => r.Code);
        Check(city.People, "people.json", r => r.Id);
        Check(city.Categories, "categories.json", r => r.Code);
        Check(city.Basemap, "basemap", r => r.OsmId);
        if (errors.Count > 0)
        {
            throw new CityImportException(errors);
        }
    }

    /// <summary>
    /// The public-holiday calendars beside the city (<c>calendar/*.csv</c>, the shape of China's published holiday notice:
    /// date,kind,name), checked like every other file before anything is written.
    /// </summary>
    private static List<CalendarFile> LoadCalendars(string root)
    {
        var folder = Path.Combine(root, "calendar");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        var calendars = new List<CalendarFile>();
        var errors = new List<ImportError>();
        foreach (var path in files)
        {
            if (CalendarFile.TryParse(File.ReadAllText(path), out var calendar, out var problems))
            {
                calendars.Add(calendar);
            }
            errors.AddRange(problems.Select(p => new ImportError($"calendar/{Path.GetFileName(path)}", p.Field, p.Field, $"{p.Code} {string.Join(" ", p.Args)}")));
        }
        if (errors.Count > 0)
        {
            throw new CityImportException(errors);
        }
        return calendars;
    }

    /// <summary>True when no unit grid has been imported yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.UnitGrids.AnyAsync(ct);
}
