using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>Debian's Chromium under Playwright (never `playwright install`), headless with software WebGL, as in the browser tests.</summary>
public static class ChromiumLauncher
{
    public static readonly ViewportSize Viewport = new() { Width = 1920, Height = 1080 };

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--no-first-run", "--disable-quic",
            ],
        });

    /// <summary>Signs in once through the real form and returns the storage state (the auth cookie) for later contexts.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, Uri baseUri, string user, string password)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUri.ToString(), ViewportSize = Viewport });
        var page = await context.NewPageAsync();
        // Land on a cheap authorised endpoint, not on a page with a map.
        await page.GotoAsync("/account/login?returnUrl=%2Fapi%2Fme");
        await page.FillAsync("[data-testid=login-username]", user);
        await page.FillAsync("[data-testid=login-password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/api/me");
        var me = await page.InnerTextAsync("body");
        if (!me.Contains($"\"username\":\"{user}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"sign-in as {user} failed: /api/me answered {me}");
        }
        return await context.StorageStateAsync();
    }
}
