using CommandCenter.Domain.Geography;

namespace CommandCenter.Tests.Domain;

public sealed class GridCodeTests
{
    [Fact]
    public void The_worked_example_of_domain_md_splits_into_its_levels()
    {
        var code = GridCode.Parse("320102003002007");
        Assert.Equal("320102", code.DistrictCode);
        Assert.Equal("320102003", code.SubdistrictCode);
        Assert.Equal("320102003002", code.CommunityCode);
        Assert.Equal(7, code.Sequence);
    }

    [Theory]
    [InlineData("32010200300207")]   // the 14-digit layout
    [InlineData("3201020030020071")]
    [InlineData("32010200300A007")]
    [InlineData("320102000002007")]  // street segment 000
    [InlineData("320102003002000")]  // sequence 000
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_are_refused(string? text)
    {
        Assert.False(GridCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => GridCode.Parse(text ?? ""));
    }

    [Fact]
    public void Codes_are_built_from_a_community_and_a_sequence_with_leading_zeros()
    {
        Assert.Equal("320102003002012", GridCode.For("320102003002", 12).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.For("320102003002", 1000));
        Assert.Throws<ArgumentException>(() => GridCode.For("3201020030", 1));
    }
}
