using CommandCenter.CityGen;
using CommandCenter.Web.Data.Import;

namespace CommandCenter.Tests.Generator;

/// <summary>One small synthetic city (400 unit grids, seed 1), generated once and read back through the app's own loader.</summary>
public sealed class SyntheticCityFixture : IDisposable
{
    public const int GridCount = 400;

    public SyntheticCityFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cc-synth-").FullName;
        SyntheticCityGenerator.Generate(Directory, GridCount, seed: 1);

        // The importer's full validation (codes, references, overlaps, grids inside their 社区) without a database.
        City = CityDataLoader.Load(Directory);
    }

    public string Directory { get; }

    public CityDataSet City { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, true);
}
