using Microsoft.Playwright;

namespace CommandCenter.Tests.Support;

/// <summary>A Playwright test against the shared running app: one Chromium per test class, signed-in pages on demand.</summary>
public abstract class BrowserTest(CommandCenterFactory app) : CityTest(app)
{
    protected IBrowser Chromium { get; private set; } = default!;

    private IPlaywright? _playwright;

    public override async Task InitializeAsync() => (_playwright, Chromium) = await Browser.LaunchAsync();

    public override async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Opens the sign-in page (of the shared app, or of <paramref name="server"/>), signs in as a demo user and lands on <paramref name="returnUrl"/>.</summary>
    protected async Task<IPage> SignInAsync(IBrowserContext context, string user, string returnUrl, Uri? server = null)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server ?? App.ServerAddress, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
        await page.GetByTestId("login-username").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(ApiClient.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(returnUrl, StringComparison.Ordinal));
        return page;
    }

    /// <summary>Waits until the page's interactive circuit is up, so clicks reach .NET.</summary>
    protected static async Task WaitForInteractivityAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(500);
    }

    /// <summary>
    /// Waits until the map on the page is drawn and its live feed is up. The feed opens as the page starts (before the
    /// map exists), so "live" alone does not mean the map's <c>ccMap</c> handle is there yet.
    /// </summary>
    protected static async Task WaitForLiveMapAsync(IPage page, float timeout = 60_000)
    {
        await Assertions.Expect(page.GetByTestId("city-map")).ToHaveAttributeAsync("data-live-status", "live", new() { Timeout = timeout });
        await page.WaitForFunctionAsync("() => !!document.querySelector('[data-testid=city-map]')?.ccMap", null, new() { Timeout = timeout });
    }
}
