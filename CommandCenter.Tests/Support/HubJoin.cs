using CommandCenter.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Support;

/// <summary>
/// Starts a hub client as the app's own feed does: connected, then in its groups. The handshake completes before the
/// hub has joined them, so an action taken right after <c>StartAsync</c> may be pushed to no one.
/// </summary>
public static class HubJoin
{
    public static async Task StartJoinedAsync(this HubConnection hub, int seconds = 20)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.On(OpsHub.JoinedMessage, () => joined.TrySetResult());
        await hub.StartAsync();
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }
}
