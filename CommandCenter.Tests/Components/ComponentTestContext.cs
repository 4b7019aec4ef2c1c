using Bunit;
using CommandCenter.Domain.Geography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CommandCenter.Tests.Components;

/// <summary>bUnit with MudBlazor, the UI strings in Chinese and a city clock stopped at Thursday 26 November 2026, 14:00 in Nanjing.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(8));

    protected ComponentTestContext()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(new CityClock(new FakeTimeProvider(Now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously; xUnit calls this before the synchronous Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
