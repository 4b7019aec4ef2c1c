using System.Globalization;
using CommandCenter.Web.Identity;
using Microsoft.AspNetCore.Localization;

namespace CommandCenter.Web.Localization;

/// <summary>Chinese first (zh-CN), English on request; the choice lives in the standard culture cookie.</summary>
public static class CultureSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Chinese, English];

    public static IServiceCollection AddCommandCenterLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Chinese).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            o.ApplyCurrentCultureToResponseHeaders = true;
            // Pages follow the query string and the cookie only: a browser's Accept-Language must not switch a wall display
            // to English. Machine clients (the APIs) may ask for their language with Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(async http =>
                    IsMachinePath(http.Request.Path) ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(http) : null),
            ];
        });
        return services;
    }

    /// <summary><c>GET /culture/{culture}?redirectUri=/</c> stores the choice and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Chinese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = LocalPaths.IsLocalPath(redirectUri) ? redirectUri! : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>APIs, hubs and health checks, which answer machines rather than people at a page.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/tiles") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health") || path.StartsWithSegments("/open311");

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
