using CommandCenter.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace CommandCenter.Web.Features.Auth;

/// <summary>An open page's sign-in, looked at again every 30 s: once its session is signed out the page shows the sign-in.</summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, SignInSessions sessions) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        state.User.Identity?.IsAuthenticated == true ? sessions.IsOpenAsync(state.User, ct) : Task.FromResult(true);
}
