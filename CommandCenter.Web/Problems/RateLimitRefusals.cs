using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Problems;

/// <summary>Which refusal code a rate-limit policy answers with (features add theirs with <see cref="RateLimitRefusals.AddRefusalCode"/>).</summary>
public sealed class RateLimitRefusalOptions
{
    public Dictionary<string, string> CodeByPolicy { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One answer for every rate-limited request: 429 with <c>Retry-After</c> and a problem body whose code names the limit
/// that was hit. ASP.NET Core keeps a single <c>OnRejected</c>, so features register codes here instead of setting it.
/// </summary>
public static class RateLimitRefusals
{
    public static IServiceCollection AddRefusalCode(this IServiceCollection services, string policy, string code)
    {
        services.Configure<RateLimitRefusalOptions>(o => o.CodeByPolicy[policy] = code);
        // The one OnRejected handler is registered once, however many features add codes.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, AnswerSetup>());
        return services;
    }

    private sealed class AnswerSetup(IOptions<RateLimitRefusalOptions> codes) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options) => options.OnRejected = (context, ct) => AnswerAsync(context, codes.Value);
    }

    private static async ValueTask AnswerAsync(OnRejectedContext context, RateLimitRefusalOptions codes)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 10;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var code = policy is not null && codes.CodeByPolicy.TryGetValue(policy, out var c) ? c : "TooManyRequests";
        await new Refusal(StatusCodes.Status429TooManyRequests, code, [seconds], []).ToResult().ExecuteAsync(context.HttpContext);
    }
}
