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
            // Only the query string and the cookie: a browser's Accept-Language must not switch the wall displays to English.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
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

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
