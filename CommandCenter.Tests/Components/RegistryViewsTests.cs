using CommandCenter.Web.Components;
using CommandCenter.Web.Features.Enforcement;
using CommandCenter.Web.Features.Vendors;

namespace CommandCenter.Tests.Components;

/// <summary>The vendor / merchant views as people read them: the case's 摊贩/商户记录, a shop's star history, a refusal beside its field.</summary>
public sealed class RegistryViewsTests : ComponentTestContext
{
    private static readonly Guid FirstCase = Guid.Parse("6a1c8d40-0000-4000-8000-000000000001");
    private static readonly Guid SecondCase = Guid.Parse("6a1c8d40-0000-4000-8000-000000000002");

    [Fact]
    public void A_first_offence_outside_a_zone_shows_the_written_warning_with_its_correction_deadline_in_city_time()
    {
        // Reported 14:00 Nanjing (06:00 UTC); LN02 gives two hours, so the vendor must clear the pavement by 16:00 local.
        var deadline = Now.AddHours(2).ToUniversalTime();
        var detail = new CaseIntakeDetail(SecondCase, "vendor:V0003",
            new CaseIntake(new ZoneCheckView(null, null, null, false, "outside", null, null, "enforcement"),
                new LeniencyView(true, "warning", "vendor:V0003", "LN02", "流动摊贩首违", deadline, null), null),
            [new OffenceView(SecondCase, "202611260011", "20501", Now.ToUniversalTime(), "warning", "LN02", deadline)]);
        var panel = Render<CaseIntakePanel>(p => p.Add(x => x.Detail, detail).Add(x => x.PartyName, "王建国")
            .Add(x => x.CategoryNames, new Dictionary<string, string> { ["20501"] = "流动摊贩" }));

        Assert.Contains("区域外", panel.Find("[data-testid=intake-zone-verdict]").TextContent);
        Assert.Contains("转执法", panel.Find("[data-testid=intake-zone-verdict]").TextContent);
        Assert.Contains("登记摊贩 V0003 · 王建国", panel.Find("[data-testid=intake-party]").TextContent);
        Assert.Contains("首违免罚：书面警告，限期改正", panel.Find("[data-testid=intake-leniency]").TextContent);
        Assert.Contains("2026-11-26 16:00", panel.Find("[data-testid=intake-correction-deadline]").TextContent);
        var row = Assert.Single(panel.FindAll("[data-testid=intake-history-row]"));
        Assert.Contains("20501 流动摊贩", row.TextContent);
        Assert.Contains("202611260011", row.TextContent);
    }

    [Fact]
    public void A_repeat_offence_shows_the_penalty_and_the_first_offence_it_repeats_newest_first()
    {
        var earlier = Now.AddDays(-3).ToUniversalTime();
        var first = new OffenceView(FirstCase, "202611230004", "20504", earlier, "warning", "LN01", earlier.AddHours(2));
        var detail = new CaseIntakeDetail(SecondCase, "merchant:M0011",
            new CaseIntake(null, new LeniencyView(false, "penalty", "merchant:M0011", "LN01", "店外经营首违", null, first), null),
            [new OffenceView(SecondCase, "202611260012", "20504", Now.ToUniversalTime(), "penalty", "LN01", null), first]);
        var panel = Render<CaseIntakePanel>(p => p.Add(x => x.Detail, detail));

        Assert.Empty(panel.FindAll("[data-testid=intake-zone-verdict]"));
        Assert.Empty(panel.FindAll("[data-testid=intake-correction-deadline]"));
        Assert.Contains("再次违法：依法处罚", panel.Find("[data-testid=intake-leniency]").TextContent);
        Assert.Contains("202611230004", panel.Find("[data-testid=intake-repeat-of]").TextContent);
        Assert.Contains("2026-11-23", panel.Find("[data-testid=intake-repeat-of]").TextContent);
        var rows = panel.FindAll("[data-testid=intake-history-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("再次违法", rows[0].TextContent);
        Assert.Contains("首违免罚", rows[1].TextContent);
    }

    [Fact]
    public void Trading_inside_an_open_zone_reads_permitted_and_routed_to_management()
    {
        var detail = new CaseIntakeDetail(FirstCase, null,
            new CaseIntake(new ZoneCheckView("Z03", "湖南路夜市", "night", true, "permitted", null, null, "management"),
                new LeniencyView(null, "no-party", null, null, null, null, null), null), []);
        var panel = Render<CaseIntakePanel>(p => p.Add(x => x.Detail, detail));
        var verdict = panel.Find("[data-testid=intake-zone-verdict]").TextContent;
        Assert.Contains("允许经营", verdict);
        Assert.Contains("湖南路夜市", verdict);
        Assert.Contains("转市容管理", verdict);
        Assert.Contains("未指明", panel.Find("[data-testid=intake-party]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=intake-history]"));
    }

    [Fact]
    public void The_rating_history_draws_the_stars_and_names_the_five_star_merchant()
    {
        var history = Render<RatingHistory>(p => p.Add(x => x.Ratings, new List<MerchantRatingView>
        {
            new(5, new DateOnly(2026, 10, 15), "五星商户", "admin"),
            new(3, new DateOnly(2026, 4, 15), null, "leader"),
        }));
        var rows = history.FindAll("[data-testid=rating-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("2026-10-15", rows[0].TextContent);
        Assert.Contains("★★★★★", rows[0].TextContent);
        Assert.Contains("五星商户", rows[0].TextContent);
        Assert.Contains("★★★☆☆", rows[1].TextContent);
        Assert.DoesNotContain("五星商户", rows[1].TextContent);

        var none = Render<RatingHistory>(p => p.Add(x => x.Ratings, new List<MerchantRatingView>()));
        Assert.Contains("尚未评定", none.Markup);
    }

    [Fact]
    public void A_field_refusal_shows_only_beside_its_own_field()
    {
        IReadOnlyList<(string Field, string Text)> errors = [("phone", "电话号码格式不正确"), ("name", "必填")];
        var note = Render<FieldErrorNote>(p => p.Add(x => x.Errors, errors).Add(x => x.Field, "phone"));
        Assert.Equal("电话号码格式不正确", note.Find("[data-testid=error-phone]").TextContent);
        Assert.DoesNotContain("必填", note.Markup);
        Assert.Empty(Render<FieldErrorNote>(p => p.Add(x => x.Errors, errors).Add(x => x.Field, "goods")).FindAll("span"));
    }
}
