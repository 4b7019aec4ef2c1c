using CommandCenter.Domain.Streets;

namespace CommandCenter.Tests.Domain;

public sealed class OnDutyRecipientTests
{
    // 巷长 P3 (L3) under 中队长 P2 (L2) under 片区长 P1 (L1); P3 has the deputy D3.
    private static readonly ChiefLink[] Chain =
    [
        new(RoadChiefLevel.Patroller, "P3"), new(RoadChiefLevel.SquadronLeader, "P2"), new(RoadChiefLevel.AreaChief, "P1"),
    ];

    private static readonly string[] Deputies = ["D3"];

    private static Func<string, bool> SignedIn(params string[] people) => people.Contains;

    [Fact]
    public void A_signed_in_chief_receives_the_alert_meant_for_them()
    {
        Assert.Equal("P3", OnDutyRecipient.Choose(Chain, 0, Deputies, SignedIn("P3", "D3", "P2")));
        Assert.Equal("P2", OnDutyRecipient.Choose(Chain, 1, Deputies, SignedIn("P3", "P2")));
    }

    [Fact]
    public void A_signed_out_street_chief_is_covered_by_a_signed_in_deputy_before_the_chief_above()
    {
        Assert.Equal("D3", OnDutyRecipient.Choose(Chain, 0, Deputies, SignedIn("D3", "P2")));
        Assert.Equal("P2", OnDutyRecipient.Choose(Chain, 0, Deputies, SignedIn("P2", "P1")));
        Assert.Equal("P1", OnDutyRecipient.Choose(Chain, 0, Deputies, SignedIn("P1")));
    }

    [Fact]
    public void Deputies_cover_only_the_streets_own_chief_and_nobody_below_the_link_is_asked()
    {
        // The L2 alert with P2 signed out goes up to P1, not down to P3 or the street's deputy.
        Assert.Equal("P1", OnDutyRecipient.Choose(Chain, 1, Deputies, SignedIn("P3", "D3", "P1")));
    }

    [Fact]
    public void When_nobody_is_signed_in_the_link_keeps_its_alert_for_the_next_sign_in()
    {
        Assert.Equal("P3", OnDutyRecipient.Choose(Chain, 0, Deputies, SignedIn()));
        Assert.Equal("P1", OnDutyRecipient.Choose(Chain, 7, Deputies, SignedIn()));
        Assert.Null(OnDutyRecipient.Choose([], 0, Deputies, SignedIn("P3")));
    }

    [Fact]
    public void A_holder_signed_in_and_in_post_keeps_the_alert()
    {
        Assert.Null(OnDutyRecipient.HandOverTo("P3", Chain, 0, Deputies, SignedIn("P3")));
        // The deputy covering for the chief keeps it even after the chief signs in again: no ping-pong.
        Assert.Null(OnDutyRecipient.HandOverTo("D3", Chain, 0, Deputies, SignedIn("D3", "P3")));
    }

    [Fact]
    public void A_holder_who_signed_out_hands_over_to_who_answers_now()
    {
        Assert.Equal("D3", OnDutyRecipient.HandOverTo("P3", Chain, 0, Deputies, SignedIn("D3", "P2")));
        Assert.Equal("P1", OnDutyRecipient.HandOverTo("P2", Chain, 1, Deputies, SignedIn("P1")));
        // Nobody else signed in either: a signed-out holder on the chain still holds it...
        Assert.Null(OnDutyRecipient.HandOverTo("P3", Chain, 0, Deputies, SignedIn()));
        // ...but a stand-in who signed out gives it back to the link's own person.
        Assert.Equal("P3", OnDutyRecipient.HandOverTo("P2", Chain, 0, Deputies, SignedIn()));
    }

    [Fact]
    public void A_former_chief_no_longer_in_post_never_keeps_the_alert_even_while_signed_in()
    {
        // P9 was the street's chief until the reassignment; P3 holds the post now.
        Assert.Equal("P3", OnDutyRecipient.HandOverTo("P9", Chain, 0, Deputies, SignedIn("P9")));
        Assert.Equal("P3", OnDutyRecipient.HandOverTo("P9", Chain, 0, Deputies, SignedIn("P9", "P3")));
    }
}
