using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Features.Live;

/// <summary>
/// Fans each committed case event out to SignalR clients and to Blazor components in this process,
/// in sequence order (callers publish under the case write gate).
/// </summary>
public sealed class LiveCaseFeed(IHubContext<OpsHub> hub, ILogger<LiveCaseFeed> logger)
{
    /// <summary>Raised for every event; Blazor pages subscribe and re-render.</summary>
    public event Action<CaseChangedMessage>? Changed;

    public async Task PublishAsync(CaseChangedMessage message)
    {
        try
        {
            await hub.Clients.All.SendAsync("caseChanged", message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Clients that miss a push catch up through /api/events; the event itself is already committed.
            logger.LogWarning(ex, "Could not push case event {Seq}", message.Seq);
        }
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<CaseChangedMessage>>() ?? [])
        {
            try
            {
                handler(message);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live subscriber failed on event {Seq}", message.Seq);
            }
        }
    }
}
