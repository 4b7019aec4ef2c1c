using System.Globalization;
using System.Threading.RateLimiting;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CommandCenter.Web.Features.Auth;

/// <summary>Cookies for the browser, bearer tokens for field devices and scripts; the hub takes the token as <c>access_token</c>.</summary>
public static class AuthSetup
{
    public const string Smart = "cookie-or-bearer";

    /// <summary>The rate limit of the sign-in endpoints (per client address).</summary>
    public const string SignInLimit = "sign-in";

    public static IServiceCollection AddCommandCenterAuth(this IServiceCollection services, IConfiguration config)
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
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // APIs answer 401/403 instead of redirecting to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Challenge(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Challenge(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(o =>
            {
                // A shift long; a device renews it with the refresh token (POST /api/auth/refresh) for up to a week.
                o.BearerTokenExpiration = TimeSpan.FromHours(12);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
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
        services.AddSingleton<SignInSessions>();
        // Open pages (Blazor circuits) look at their session again every half minute: a sign-out elsewhere ends them too.
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<DemoUserSeeder>();
        // Guessing passwords from one address is slowed down; the lockout protects each account on top of it.
        // Auth:SignInThrottleExempt lists addresses never throttled (a monitoring probe, the test harness on loopback).
        var burst = config.GetValue("Auth:SignInBurst", 60);
        var perMinute = config.GetValue("Auth:SignInPerMinute", 60);
        var exempt = (config["Auth:SignInThrottleExempt"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        services.AddRateLimiter(o => o.AddPolicy(SignInLimit, http =>
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return exempt.Contains(address)
                ? RateLimitPartition.GetNoLimiter(address)
                : RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst, TokensPerPeriod = Math.Max(1, perMinute / 6), ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0, AutoReplenishment = true,
                });
        }));
        services.AddRefusalCode(SignInLimit, "TooManySignIns");
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
