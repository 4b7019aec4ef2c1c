using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// Loads a page in a fresh browser context (empty HTTP cache, only the sign-in cookie), waits until the page itself
/// reports it is done, and reads the page's own timings.
/// </summary>
public static class ColdPageLoad
{
    private static readonly TimeSpan WindowSettle = TimeSpan.FromSeconds(2);

    /// <param name="initScript">Runs before any page script (e.g. to install observers); may be null.</param>
    /// <param name="doneExpression">A JS expression that is the done time in ms, or null while not done.</param>
    /// <param name="extraExpression">A JS expression for an object of numbers: milestones, case count, rendered grids, map size.</param>
    /// <param name="diagnostics">Optional: told of the page before navigation and once it is done (render diagnostics, traces).</param>
    public static async Task<RenderSample> RunAsync(IBrowser browser, string storageState, Uri url, string label, PageIssues issues,
        string? initScript, string doneExpression, string extraExpression, IPageDiagnostics? diagnostics = null)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = storageState,
            ViewportSize = ChromiumLauncher.Viewport,
        });
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }
        var page = await context.NewPageAsync();
        // Headless Chromium builds each new window's omnibox popup (a WebUI renderer, about a second of CPU on two cores)
        // right after the window opens; a person's browser is open before they type the address, so the load starts after.
        await Task.Delay(WindowSettle);
        issues.Watch(page, label);
        if (diagnostics is not null)
        {
            await diagnostics.BeforeAsync(page);
        }
        // Commit only: the page's own clock decides when it is done, not Playwright's load event.
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.WaitForFunctionAsync($"() => ({doneExpression}) != null", null,
            new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 100 });
        var result = await page.EvaluateAsync<JsonElement>($$"""
            () => {
                const nav = performance.getEntriesByType('navigation')[0];
                return { done: Number({{doneExpression}}), responseStart: nav.responseStart, dcl: nav.domContentLoadedEventEnd, extra: ({{extraExpression}}) };
            }
            """);
        if (diagnostics is not null)
        {
            await diagnostics.AfterAsync(page);
        }
        var extra = result.GetProperty("extra");
        var milestones = extra.TryGetProperty("milestones", out var ms)
            ? ms.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble())
            : [];
        return new RenderSample(
            result.GetProperty("done").GetDouble(),
            result.GetProperty("responseStart").GetDouble(),
            result.GetProperty("dcl").GetDouble(),
            milestones,
            Int(extra, "caseCount"),
            Int(extra, "renderedGrids"),
            extra.GetProperty("mapWidth").GetDouble(),
            extra.GetProperty("mapHeight").GetDouble(),
            Int(extra, "renderedCommunities"));
    }

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && int.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
