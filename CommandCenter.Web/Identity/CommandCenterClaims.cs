using CommandCenter.Web.Data.Accounts;
using System.Security.Claims;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Identity;

/// <summary>The claims a signed-in user carries, and how they become a domain <see cref="Actor"/>.</summary>
public static class CommandCenterClaims
{
    public const string DisplayName = "cc:display_name";
    public const string DutyGrid = "cc:duty_grid";
    public const string Department = "cc:department";
    public const string Person = "cc:person";
    /// <summary>The <c>sign_in_sessions</c> row this cookie or token belongs to (see <see cref="SignInSessions"/>).</summary>
    public const string Session = "cc:session";

    public static ClaimsPrincipal Principal(UserAccountRow user, string scheme, Guid session)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName), new(DisplayName, user.DisplayName), new(Session, session.ToString()) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.DutyGridCode is not null)
        {
            claims.Add(new Claim(DutyGrid, user.DutyGridCode));
        }
        if (user.DepartmentCode is not null)
        {
            claims.Add(new Claim(Department, user.DepartmentCode));
        }
        if (user.PersonId is not null)
        {
            claims.Add(new Claim(Person, user.PersonId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The domain actor for a signed-in principal; null when nobody is signed in.</summary>
    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is null)
        {
            return null;
        }
        var roles = user.FindAll(ClaimTypes.Role).Select(c => RoleSlugs.TryParse(c.Value, out var r) ? (Role?)r : null)
            .Where(r => r is not null).Select(r => r!.Value).ToHashSet();
        return new Actor(user.Identity.Name, user.FindFirst(DisplayName)?.Value ?? user.Identity.Name, roles,
            user.FindFirst(DutyGrid)?.Value, user.FindFirst(Department)?.Value, user.FindFirst(Person)?.Value);
    }
}
