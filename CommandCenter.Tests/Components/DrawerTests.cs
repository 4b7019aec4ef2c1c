using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Map.Drawers;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Components;

public sealed class DrawerTests : ComponentTestContext
{
    private static readonly Polygon Square = GeometryFactory.Default.CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 1), new(0, 0)]);

    [Fact]
    public void The_grid_drawer_shows_the_grid_member_and_its_open_cases()
    {
        var grid = new UnitGrid("320102003002007", "320102003002", "320102003", "320102003002-Z01", 10_120, Square);
        var duty = new DutyGrid("320102003002-Z01", "长江路社区第1责任网格", "320102003002", "P0042", "王芳", Square);
        var open = Summary("202611260007", "red", overdue: true);
        var drawer = Render<GridDrawer>(p => p.Add(x => x.Data, new GridDrawerData(grid, "长江路社区居委会", "新街口街道", duty, 1, 1, [open])));
        Assert.Contains("320102003002007", drawer.Markup);
        Assert.Equal("王芳", drawer.Find("[data-testid=drawer-grid-member]").TextContent);
        Assert.Equal("1", drawer.Find("[data-testid=drawer-grid-open]").TextContent);
        Assert.Equal("1", drawer.Find("[data-testid=drawer-grid-overdue]").TextContent);
        Assert.Contains("202611260007", drawer.Markup);
        Assert.Equal("red", drawer.Find("[data-timing]").GetAttribute("data-timing"));
    }

    [Fact]
    public void The_case_drawer_shows_the_timeline_and_only_the_actions_the_role_may_take()
    {
        var detail = new CaseDetail(Summary("202611260008", "yellow"), "王芳", "320102003002", "320102003", "汉中路", "李强", null, null, 1, 0, 0, 0,
            null, null, null, null, null,
            [
                new CaseEventView(1, "report", null, "reported", "20102", "gridmember", "gridmember", Now.AddHours(-2), "暴露垃圾", [], "sanitation", "accept", null, null, null, null, null),
                new CaseEventView(2, "dispatch", "filed", "dispatched", "20102", "dispatcher", "dispatcher", Now.AddHours(-1), null, [], "sanitation", "handle", null, "dispatch", null, true, null),
            ],
            ["handle", "return"], []);
        var drawer = Render<CaseDrawer>(p => p.Add(x => x.Detail, detail));
        Assert.Contains("上报", drawer.Markup);
        Assert.Contains("派遣", drawer.Markup);
        var actions = drawer.Find("[data-testid=drawer-case-actions]").TextContent;
        Assert.Contains("处置反馈", actions);
        Assert.Contains("申请回退", actions);
        Assert.DoesNotContain("结案", actions);
    }

    [Fact]
    public void In_english_the_case_drawer_names_states_and_actions_in_english()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        var detail = new CaseDetail(Summary("202611260009", "green"), null, "320102003002", "320102003", null, null, null, null, 1, 0, 0, 0,
            null, null, null, null, null, [], ["handle", "request-extension"], []);
        var drawer = Render<CaseDrawer>(p => p.Add(x => x.Detail, detail));
        Assert.Equal("In handling", drawer.Find("[data-testid=drawer-case-status]").TextContent.Trim());
        var actions = drawer.Find("[data-testid=drawer-case-actions]").TextContent;
        Assert.Contains("Report fixed", actions);
        Assert.Contains("Request extension", actions);
    }

    [Fact]
    public void The_zone_drawer_shows_hours_across_midnight_and_whether_it_is_open()
    {
        var zone = new VendorZone("VZ03", "石鼓路夜市疏导区", VendorZoneType.Night, new VendorZoneSchedule([DailyWindow.Parse("19:00-01:00")], null), 40, 2, "小吃", "赵经理", null, Square);
        var open = Render<ZoneDrawer>(p => p.Add(x => x.Zone, zone).Add(x => x.OpenNow, true));
        Assert.Equal("19:00-01:00", open.Find("[data-testid=drawer-zone-hours]").TextContent);
        Assert.Equal("营业中", open.Find("[data-testid=drawer-zone-open]").TextContent.Trim());
        var closed = Render<ZoneDrawer>(p => p.Add(x => x.Zone, zone).Add(x => x.OpenNow, false));
        Assert.Equal("未营业", closed.Find("[data-testid=drawer-zone-open]").TextContent.Trim());
    }

    [Fact]
    public void The_kiosk_drawer_flags_supplies_below_their_threshold()
    {
        var kiosk = new Kiosk("K01", "新街口城管驿站", "station", ["water", "firstAid", "charging"], "24h", true, true, 1200,
            [new KioskSupply("water", 5, 20), new KioskSupply("firstAidKit", 10, 3)], "025-84000000", new Point(118.78, 32.04));
        var drawer = Render<KioskDrawer>(p => p.Add(x => x.Kiosk, kiosk));
        Assert.Contains("饮水、急救、充电", drawer.Markup);
        Assert.Contains("24 小时", drawer.Markup);
        Assert.NotNull(drawer.Find("[data-supply=water] [data-testid=supply-low]"));
        Assert.Empty(drawer.FindAll("[data-supply=firstAidKit] [data-testid=supply-low]"));
    }

    [Fact]
    public void The_street_drawer_names_the_chief()
    {
        var street = new Street("S012", "汉中路", "primary", "街长", "P0100", "李强", "025-84001234", 1830, GeometryFactory.Default.CreateLineString([new(0, 0), new(1, 1)]));
        var drawer = Render<StreetDrawer>(p => p.Add(x => x.Street, street));
        Assert.Equal("李强", drawer.Find("[data-testid=drawer-street-chief]").TextContent);
        Assert.Contains("街长", drawer.Markup);
    }

    private static CaseSummary Summary(string number, string level, bool overdue = false) => new(
        Guid.NewGuid(), number, "dispatched", "handle", "20102", "暴露垃圾", "patrol", "路边垃圾", "汉中路", 118.78, 32.04, "320102003002007",
        "320102003002-Z01", "sanitation", "市容环卫", Now.AddHours(-3), Now.AddHours(-1), Now.AddHours(1), overdue, level, 0, [], 3);
}
