using ClosedXML.Excel;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>综合评价, 红黑榜 on the wall, the hotspot map and the monthly report over a generated slice of history (to 1 December 2026).</summary>
[Collection(CityCollection.Name)]
public sealed class EvaluationPagesTests(CommandCenterFactory app) : BrowserTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await HistorySlice.LoadAsync(App);
    }

    [Fact]
    public async Task The_leader_sees_novembers_department_scores_with_grades_and_downloads_the_same_rows_as_excel()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await SignInAsync(context, "leader", "/evaluation?month=2026-11");
        var table = page.GetByTestId("eval-table-departments");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-rows", "10", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await Assertions.Expect(table.Locator("[data-grade]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("red-departments").Locator(".cc-redblack-row[data-code]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("practice-funnel")).ToContainTextAsync("巡查发现");
        // The rows' codes and scores read in one go, from one state of the page: the circuit's first interactive render
        // replaces the prerendered table, and rows read in two steps straddled it (no rows, or codes without scores).
        var rows = await (await page.WaitForFunctionAsync("""
            () => {
                const rows = [...document.querySelectorAll('[data-testid=eval-table-departments] tbody tr[data-code]')];
                return rows.length === 10 ? rows.map(r => [r.dataset.code, r.querySelector('td[data-col=composite]')?.innerText ?? null]) : null;
            }
            """, null, new PageWaitForFunctionOptions { Timeout = 30_000 })).JsonValueAsync<string?[][]>();
        var codes = rows.Select(r => r[0]!).ToArray();
        var composites = rows.Select(r => r[1] ?? throw new InvalidOperationException($"row {r[0]} has no composite cell")).ToArray();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "evaluation-departments.png"), FullPage = true });

        // The Excel button downloads with the browser's own sign-in cookie; the sheet holds the page's rows in the page's order.
        var href = await page.GetByTestId("eval-xlsx").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(new Uri(App.ServerAddress, href!).ToString());
        Assert.Equal(200, response.Status);
        Assert.Contains("spreadsheetml", response.Headers["content-type"], StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await response.BodyAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(codes.Length + 1, sheet.LastRowUsed().RowNumber());
        var compositeColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "综合指标值").Address.ColumnNumber;
        for (var i = 0; i < codes.Length; i++)
        {
            Assert.Equal(codes[i], sheet.Cell(i + 2, 1).GetString());
            if (composites[i] == "—")
            {
                Assert.True(sheet.Cell(i + 2, compositeColumn).IsEmpty()); // nothing to evaluate: no score on the page, none in the file
            }
            else
            {
                Assert.Equal(double.Parse(composites[i], System.Globalization.CultureInfo.InvariantCulture), sheet.Cell(i + 2, compositeColumn).GetDouble(), 2);
            }
        }
    }

    [Fact]
    public async Task The_wall_shows_last_months_red_and_black_lists_in_turn()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await SignInAsync(context, "leader", "/wall");
        var panel = page.GetByTestId("wall-redblack");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-showing", "departments", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await Assertions.Expect(panel.Locator(".cc-red .cc-redblack-row[data-code]")).ToHaveCountAsync(3);
        await Assertions.Expect(panel).ToContainTextAsync("2026-11");
        // It turns to the 街道 after its rotation (15 s).
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-showing", "subdistricts", new LocatorAssertionsToHaveAttributeOptions { Timeout = 25_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-redblack.png") });
    }

    [Fact]
    public async Task The_hotspot_map_paints_grid_heat_and_draws_the_repeat_problems_listed_beside_it()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await SignInAsync(context, "leader", "/analytics");
        var map = page.GetByTestId("city-map");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=city-map]')?.ccHotspots?.grids > 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var drawn = await map.EvaluateAsync<int>("m => m.ccHotspots.repeats");
        var listed = await page.GetByTestId("repeat-table").Locator("tbody tr").CountAsync();
        Assert.Equal(Math.Min(drawn, 30), listed);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=trend-chart]')?.ccChart?.series > 1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "analytics-hotspots.png"), FullPage = true });
    }

    [Fact]
    public async Task The_monthly_report_prints_on_a4_without_the_app_bar()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await SignInAsync(context, "leader", "/reports/monthly?month=2026-11");
        var report = page.GetByTestId("monthly-report");
        await Assertions.Expect(report).ToContainTextAsync("2026年11月", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=report-departments-chart]')?.ccChart?.points > 0");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".mud-appbar").IsVisibleAsync());
        Assert.False(await page.GetByTestId("report-print").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "monthly-report-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(RepoPaths.Artifacts, "monthly-report.pdf"), Format = "A4", PreferCSSPageSize = true });
        Assert.True(pdf.Length > 10_000);
    }
}
