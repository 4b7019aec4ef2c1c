using CommandCenter.Web.Data.Accounts;
using CommandCenter.Web.Identity;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Auth;

/// <summary>Sign-in for devices (<c>POST /api/auth/token</c>) and browsers (<c>/account/login</c>), and <c>GET /api/me</c>.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Username, string? Password);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest body, CommandCenterDb db) =>
        {
            var user = await CheckAsync(db, body.Username, body.Password);
            return user is null
                ? Problem.Unauthorized("WrongCredentials")
                : Results.SignIn(CommandCenterClaims.Principal(user, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().WithTags("Auth");

        app.MapPost("/account/signin", async (HttpContext http, CommandCenterDb db) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            var safeReturn = LocalPaths.IsLocalPath(returnUrl) ? returnUrl : "/";
            var user = await CheckAsync(db, form["username"], form["password"]);
            if (user is null)
            {
                return Results.LocalRedirect($"/account/login?error=1&returnUrl={Uri.EscapeDataString(safeReturn)}");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                CommandCenterClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.LocalRedirect(safeReturn);
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();

        app.MapGet("/api/me", (ClaimsPrincipal user) =>
        {
            var actor = user.ToActor()!;
            return Results.Ok(new
            {
                username = actor.UserName,
                displayName = actor.DisplayName,
                roles = actor.Roles.Select(r => r.Slug()).Order(StringComparer.Ordinal).ToArray(),
                dutyGridCode = actor.DutyGridCode,
                departmentCode = actor.DepartmentCode,
                personId = actor.PersonId,
            });
        }).RequireAuthorization().WithTags("Auth");
        return app;
    }

    private static async Task<UserAccountRow?> CheckAsync(CommandCenterDb db, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName.Trim());
        if (user is null)
        {
            return null;
        }
        var result = new PasswordHasher<UserAccountRow>().VerifyHashedPassword(user, user.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : user;
    }
}
