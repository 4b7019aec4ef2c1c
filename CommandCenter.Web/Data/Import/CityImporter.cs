using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Import;

/// <summary>Writes a validated city into the database, replacing the previous one in a single transaction.</summary>
public sealed class CityImporter(CommandCenterDb db, ILogger<CityImporter> logger)
{
    /// <summary>Validates every file under <paramref name="root"/>, then replaces the city; nothing is written when validation fails.</summary>
    public async Task ImportAsync(string root, CancellationToken ct = default)
    {
        var city = CityDataLoader.Load(root);
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
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Imported the demo city from {Root}: {Grids} unit grids, {Communities} communities, {Streets} streets, {Zones} vendor zones, {Kiosks} kiosks, {Basemap} basemap features",
            root, city.UnitGrids.Count, city.Communities.Count, city.Streets.Count, city.VendorZones.Count, city.Kiosks.Count, city.Basemap.Count);
    }

    /// <summary>True when no unit grid has been imported yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.UnitGrids.AnyAsync(ct);
}
