using System.Threading.RateLimiting;
using CommandCenter.Web.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// ASP.NET Core's rate limiter on anonymous intake: a fixed window per client address. A refused request gets 429 with
/// <c>Retry-After</c> and a problem body in the request's language.
/// </summary>
public static class CitizenRateLimiting
{
    public const string Policy = "anonymous-intake";

    public static IServiceCollection AddCitizenRateLimiting(this IServiceCollection services, CitizenOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)),
                QueueLimit = 0,
            }));
        });
        services.AddRefusalCode(Policy, "TooManyReports");
        return services;
    }
}
