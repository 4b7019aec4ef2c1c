using CommandCenter.Web.Features.Tiles;

namespace CommandCenter.Tests.Integration;

/// <summary>Which tiles cover a box (what the tile seeder builds), checked against the XYZ tile of each corner; no database.</summary>
public sealed class TileAddressTests
{
    [Theory]
    [InlineData(118.78, 32.044, 118.78, 32.044, 15, 1)]
    [InlineData(118.70, 31.98, 118.86, 32.11, 12, 9)]
    [InlineData(-180, -85, 180, 85, 1, 4)]
    public void The_tiles_covering_a_box_are_those_of_its_corners_and_all_between(double w, double s, double e, double n, int z, int count)
    {
        var tiles = TileAddress.Covering(w, s, e, n, z).ToList();

        Assert.Equal(count, tiles.Count);
        Assert.Equal(count, tiles.Distinct().Count());
        var (x0, y0) = VectorTileTests.TileOf(w, n, z);
        var (x1, y1) = VectorTileTests.TileOf(e, s, z);
        Assert.Equal(new TileAddress(z, x0, y0), tiles[0]);
        Assert.Equal(new TileAddress(z, Math.Min(x1, (1 << z) - 1), Math.Min(y1, (1 << z) - 1)), tiles[^1]);
    }
}
