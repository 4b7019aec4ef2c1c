namespace CommandCenter.Web.Data;

/// <summary>How the app prepares its database at start-up (section "Database").</summary>
public sealed class DatabaseOptions
{
    /// <summary>Apply EF Core migrations before serving.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Import the demo city from <see cref="CityDataPath"/> when the database holds none.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Drop the database first and import again (<c>./run.sh --reset</c>).</summary>
    public bool Reset { get; set; }

    /// <summary>Migrate, import and seed, then exit without serving (<c>scripts/scale-city.sh</c>).</summary>
    public bool PrepareOnly { get; set; }

    /// <summary>When set, the database to use instead of the one named in the connection string.</summary>
    public string? Name { get; set; }

    /// <summary>Folder of the demo city's GeoJSON; when empty, the nearest <c>gis-data</c> folder above the app.</summary>
    public string? CityDataPath { get; set; }
}
