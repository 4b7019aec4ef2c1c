using Bunit;
using CommandCenter.Domain.Geography;
using CommandCenter.Web;
using CommandCenter.Web.Features.Map;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Components;

public sealed class GridDetailsTests : BunitContext
{
    public GridDetailsTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void Without_a_selection_it_asks_the_user_to_click_a_grid()
    {
        var panel = Render<GridDetails>();
        Assert.Contains("点击地图上的网格查看详情", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=grid-code]"));
    }

    [Fact]
    public void A_selected_grid_shows_code_community_street_office_area_and_member()
    {
        var shape = GeometryFactory.Default.CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]);
        var panel = Render<GridDetails>(p => p
            .Add(x => x.Grid, new UnitGrid("320102003002007", "320102003002", "320102003", "DG-7", 10_234.5, shape))
            .Add(x => x.Community, new Community("320102003002", "长江路社区居委会", "320102003", shape))
            .Add(x => x.Subdistrict, new Subdistrict("320102003", "新街口街道", "320102", "玄武区", shape))
            .Add(x => x.DutyGrid, new DutyGrid("DG-7", "长江路社区第7责任网格", "320102003002", "P0007", "王芳", shape)));
        Assert.Equal("320102003002007", panel.Find("[data-testid=grid-code]").TextContent);
        Assert.Contains("长江路社区居委会", panel.Markup);
        Assert.Contains("新街口街道", panel.Markup);
        Assert.Contains("王芳", panel.Markup);
        Assert.Contains("10,234", panel.Markup.Replace("10 234", "10,234", StringComparison.Ordinal));
    }
}
