using StackExchange.Redis;

namespace CommandCenter.Web.Live;

/// <summary>SignalR for <c>/hubs/ops</c>: in-process on one instance, over a Redis backplane when <c>Redis:Configuration</c> is set.</summary>
public static class OpsHubSetup
{
    public static IServiceCollection AddOpsHub(this IServiceCollection services, IConfiguration config)
    {
        var signalR = services.AddSignalR();
        if (config["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o =>
            {
                // Several deployments (or test runs) may share one Redis: each keeps to its own channels.
                o.Configuration.ChannelPrefix = RedisChannel.Literal(config["Redis:ChannelPrefix"] is { Length: > 0 } prefix ? prefix : "commandcenter");
                // Start even while Redis is down, and keep reconnecting, instead of failing the instance.
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return services;
    }
}
