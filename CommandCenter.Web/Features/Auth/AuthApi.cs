using CommandCenter.Web.Data.Accounts;
using CommandCenter.Web.Identity;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Features.Auth;

/// <summary>
/// Sign-in for devices (<c>POST /api/auth/token</c>, <c>/api/auth/refresh</c>, <c>/api/auth/signout</c>) and browsers
/// (<c>/account/signin</c>, <c>/account/logout</c>), and <c>GET /api/me</c>. Every sign-in opens a server-side session
/// that signing out closes; sign-in endpoints are throttled per client address.
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    /// <summary>The sign-in page's form (bound from the form, so its antiforgery token is checked).</summary>
    public sealed class SignInForm
    {
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest body, PasswordCheck passwords, SignInSessions sessions, CancellationToken ct) =>
        {
            var user = await passwords.CheckAsync(body.Username, body.Password, ct);
            return user is null
                ? Problem.Unauthorized("SignInRefused")
                : await BearerSignInAsync(user, sessions, ct);
        }).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit).WithTags("Auth");

        // A device keeps its session going without the password: a valid, unexpired refresh token of an open session.
        app.MapPost("/api/auth/refresh", async (RefreshRequest body, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time,
            SignInSessions sessions, CommandCenterDb db, CancellationToken ct) =>
        {
            var ticket = body.RefreshToken is { Length: > 0 and <= 8192 } token
                ? options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(token)
                : null;
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || SignInSessions.SessionOf(ticket.Principal) is not { } session || !await sessions.IsOpenAsync(ticket.Principal, ct)
                || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == ticket.Principal.Identity!.Name, ct) is not { } user)
            {
                return Problem.Unauthorized("RefreshRefused");
            }
            // The user's roles and scope are read again: a change since the last sign-in applies from this token on.
            return Results.SignIn(CommandCenterClaims.Principal(user, BearerTokenDefaults.AuthenticationScheme, session),
                authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit).WithTags("Auth");

        app.MapPost("/api/auth/signout", async (ClaimsPrincipal user, SignInSessions sessions, CancellationToken ct) =>
        {
            if (SignInSessions.SessionOf(user) is { } session)
            {
                await sessions.EndAsync(session, ct);
            }
            return Results.NoContent();
        }).RequireAuthorization().WithTags("Auth");

        app.MapPost("/account/signin", async ([FromForm] SignInForm form, HttpContext http, PasswordCheck passwords, SignInSessions sessions) =>
        {
            var safeReturn = LocalPaths.IsLocalPath(form.ReturnUrl) ? form.ReturnUrl! : "/";
            var user = await passwords.CheckAsync(form.Username, form.Password, http.RequestAborted);
            if (user is null)
            {
                return Results.LocalRedirect($"/account/login?error=1&returnUrl={Uri.EscapeDataString(safeReturn)}");
            }
            var session = await sessions.StartAsync(user.UserName, "cookie", http.RequestAborted);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                CommandCenterClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme, session));
            return Results.LocalRedirect(safeReturn);
        }).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit).ExcludeFromDescription();

        app.MapPost("/account/logout", async (IFormCollection form, HttpContext http, SignInSessions sessions) =>
        {
            if (SignInSessions.SessionOf(http.User) is { } session)
            {
                await sessions.EndAsync(session, http.RequestAborted);
            }
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

    private static async Task<IResult> BearerSignInAsync(UserAccountRow user, SignInSessions sessions, CancellationToken ct)
    {
        var session = await sessions.StartAsync(user.UserName, "bearer", ct);
        return Results.SignIn(CommandCenterClaims.Principal(user, BearerTokenDefaults.AuthenticationScheme, session),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
