namespace CommandCenter.Web.Identity;

/// <summary>
/// Response headers that keep pages from being framed, sniffed or fed foreign script. The Content-Security-Policy
/// allows only this site's scripts; MapLibre's workers start from <c>blob:</c> URLs and its tiles are drawn from
/// <c>blob:</c>/<c>data:</c> images; inline styles are allowed because MudBlazor positions its components with them.
/// No <c>unsafe-eval</c>: MapLibre, SignalR, Blazor Server and ECharts run without it (the browser tests check for
/// violations on every page).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' {importmap}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private static readonly string PolicyWithoutImportMap = ContentSecurityPolicy.Replace(" {importmap}", "", StringComparison.Ordinal);

    /// <summary>Set as the response starts, so error responses (whose headers the exception handler clears) carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(self), microphone=()";
            headers.ContentSecurityPolicy = PolicyWithoutImportMap;
            return Task.CompletedTask;
        });
        return next(http);
    });
}
