using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Enforcement;

namespace CommandCenter.Tests.Domain;

/// <summary>首违免罚: a first listed offence is a warning with a deadline, a repeat within the look-back is penalised.</summary>
public sealed class LeniencyDecisionTests
{
    private static readonly LeniencyCatalogue Catalogue = LeniencyCatalogue.Default;
    private static readonly PartyKey Noodles = PartyKey.Merchant("M0301");
    private static readonly DateTimeOffset Tuesday9 = CaseFixtures.Tuesday9; // 24 Nov 2026 09:00 +08

    private static LeniencyDecision Decide(PartyKey party, string category, DateTimeOffset at, params PartyOffence[] prior) =>
        LeniencyDecision.Decide(party, category, at, prior, Catalogue, CaseFixtures.Clock);

    [Fact]
    public void A_first_outside_shop_offence_is_a_warning_with_two_hours_to_clear_the_pavement()
    {
        var decision = Decide(Noodles, "20504", Tuesday9);
        Assert.Equal(LeniencyOutcome.Warning, decision.Outcome);
        Assert.Equal("LN01", decision.Item!.Code);
        Assert.Equal(Tuesday9.AddHours(2), decision.CorrectionDeadline);
        Assert.Null(decision.RepeatOf);
    }

    [Fact]
    public void A_working_day_deadline_found_on_friday_afternoon_falls_on_monday_afternoon()
    {
        // Friday 27 Nov 16:00 + 7 working hours: 1.5 h on Friday, 3.5 h Monday morning, 2 h after lunch → Monday 16:00.
        var friday16 = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8));
        var decision = Decide(PartyKey.Unregistered("苏A-12345"), "20507", friday16);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.FromHours(8)), decision.CorrectionDeadline);
    }

    [Fact]
    public void A_second_offence_within_the_look_back_is_penalised_and_points_at_the_first()
    {
        var first = new PartyOffence(Noodles, "20504", Tuesday9.AddDays(-200));
        var decision = Decide(Noodles, "20504", Tuesday9, first);
        Assert.Equal(LeniencyOutcome.Penalty, decision.Outcome);
        Assert.Equal(first, decision.RepeatOf);
        Assert.Null(decision.CorrectionDeadline);
    }

    [Theory]
    [InlineData(364, LeniencyOutcome.Penalty)]
    [InlineData(365, LeniencyOutcome.Warning)] // exactly a look-back ago no longer counts
    [InlineData(400, LeniencyOutcome.Warning)]
    public void A_second_offence_after_the_look_back_is_a_first_offence_again(int daysAgo, LeniencyOutcome outcome) =>
        Assert.Equal(outcome, Decide(Noodles, "20504", Tuesday9, new PartyOffence(Noodles, "20504", Tuesday9.AddDays(-daysAgo))).Outcome);

    [Fact]
    public void A_repeat_counts_across_the_categories_of_one_item_but_not_across_items_or_parties()
    {
        var cart = PartyKey.Unregistered("苏A 12345");
        var scrapBuying = new PartyOffence(cart, "20503", Tuesday9.AddDays(-10));
        Assert.Equal(LeniencyOutcome.Penalty, Decide(cart, "20501", Tuesday9, scrapBuying).Outcome);   // both in LN02
        Assert.Equal(LeniencyOutcome.Warning, Decide(cart, "20504", Tuesday9, scrapBuying).Outcome);   // LN01 is another item
        var someoneElse = scrapBuying with { Party = PartyKey.Unregistered("苏A99999") };
        Assert.Equal(LeniencyOutcome.Warning, Decide(cart, "20501", Tuesday9, someoneElse).Outcome);
        var later = scrapBuying with { At = Tuesday9.AddHours(1) };
        Assert.Equal(LeniencyOutcome.Warning, Decide(cart, "20501", Tuesday9, later).Outcome);
    }

    [Fact]
    public void A_minor_offence_is_lenient_whatever_the_history_and_an_unlisted_one_is_not_applicable()
    {
        var laundry = new PartyOffence(Noodles, "20511", Tuesday9.AddDays(-3));
        Assert.Equal(LeniencyOutcome.Warning, Decide(Noodles, "20511", Tuesday9, laundry).Outcome);
        var carParking = Decide(Noodles, "20505", Tuesday9);
        Assert.Equal(new LeniencyDecision(LeniencyOutcome.NotApplicable, null, null, null), carParking);
    }

    [Fact]
    public void Plates_and_descriptions_of_unregistered_parties_are_normalised()
    {
        Assert.Equal("苏A12345", PartyKey.Unregistered("  苏a-12 345 ").Value);
        Assert.Equal(PartyKey.Unregistered("苏A－12345"), PartyKey.Unregistered("苏a 12345"));
        Assert.Equal("蓝色三轮车卖水果", PartyKey.Unregistered(" 蓝色 三轮车 卖水果 ").Value);
        Assert.NotEqual(PartyKey.Vendor("M0301"), PartyKey.Merchant("M0301"));
        Assert.True(PartyKey.TryParse("unregistered:苏a-12345", out var parsed));
        Assert.Equal("unregistered:苏A12345", parsed.ToString());
        Assert.False(PartyKey.TryParse("plate", out _));
        Assert.False(PartyKey.TryParse("citizen:123", out _));
    }

    [Fact]
    public void The_seeded_list_is_valid_and_an_edit_listing_a_category_twice_is_refused()
    {
        Assert.Empty(Catalogue.Validate());
        Assert.InRange(Catalogue.Items.Count, 3, 5);
        Assert.All(Catalogue.Items, i => Assert.Contains("示例值", i.Conditions));
        var edited = new LeniencyCatalogue([.. Catalogue.Items,
            new LeniencyItem("LN01", "", "", LeniencyKind.First, ["20504"], "", 0, TimeLimit.NaturalHours(0))]);
        Assert.Equal(
            [("items[4].code", "LeniencyCodeDuplicate"), ("items[4].name", "LeniencyNameRequired"), ("items[4].categoryCodes", "LeniencyCategoryListedTwice"),
             ("items[4].lookBackDays", "LeniencyLookBackNotPositive"), ("items[4].correctionLimit", "LeniencyCorrectionNotPositive")],
            edited.Validate().Select(e => (e.Field, e.Code)));
    }
}
