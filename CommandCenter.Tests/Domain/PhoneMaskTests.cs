using CommandCenter.Domain.Intake;

namespace CommandCenter.Tests.Domain;

/// <summary>Callers' phones in lists: the first three and last four characters stay, the digits between become '*'.</summary>
public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("025-80465743", "025-****5743")] // the demo city's landline format; the dash stays
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("12345", "***45")]
    public void A_phone_is_masked_in_the_middle(string phone, string masked) => Assert.Equal(masked, PhoneMask.Mask(phone));

    [Fact]
    public void No_phone_masks_to_nothing()
    {
        Assert.Null(PhoneMask.Mask(null));
        Assert.Null(PhoneMask.Mask("  "));
    }
}
