using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommandCenter.Web.Identity;

/// <summary>After authentication: a cookie or token whose session was signed out counts as nobody (and the cookie is dropped).</summary>
public static class SessionCheck
{
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && !await http.RequestServices.GetRequiredService<SignInSessions>().IsOpenAsync(http.User, http.RequestAborted))
        {
            var fromCookie = http.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (fromCookie && !http.Response.HasStarted)
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        }
        await next(http);
    });
}
