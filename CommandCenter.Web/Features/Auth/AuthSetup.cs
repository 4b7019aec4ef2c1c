using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommandCenter.Web.Features.Auth;

/// <summary>Cookies for the browser, bearer tokens for field devices and scripts; the hub takes the token as <c>access_token</c>.</summary>
public static class AuthSetup
{
    public const string Smart = "cookie-or-bearer";

    public static IServiceCollection AddCommandCenterAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.ContainsKey("access_token"))
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // APIs answer 401/403 instead of redirecting to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Challenge(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Challenge(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(12);
                o.Events.OnMessageReceived = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                    {
                        ctx.Token = token;
                    }
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<DemoUserSeeder>();
        return services;
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/tiles") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
