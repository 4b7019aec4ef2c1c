using Microsoft.Playwright;

namespace CommandCenter.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (no browser download), with the flags this closed network needs.</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Expectations wait up to 15 s, not 5: a 2-core CI machine drawing maps in software is slow, not wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            ],
        });
        return (playwright, browser);
    }
}
