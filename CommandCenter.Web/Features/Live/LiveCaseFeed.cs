using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Features.Live;

/// <summary>
/// Fans each committed case event out to SignalR clients and to Blazor components in this process.
/// Writers only enqueue (under the case write gate, so in sequence order); one pump delivers in that order,
/// so a slow browser never holds up the next case write.
/// </summary>
public sealed class LiveCaseFeed
{
    private readonly Channel<CaseChangedMessage> _queue = Channel.CreateUnbounded<CaseChangedMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IHubContext<OpsHub> _hub;
    private readonly ILogger<LiveCaseFeed> _logger;

    public LiveCaseFeed(IHubContext<OpsHub> hub, ILogger<LiveCaseFeed> logger)
    {
        _hub = hub;
        _logger = logger;
        _ = Task.Run(PumpAsync);
    }

    /// <summary>Raised for every event, in sequence order; Blazor pages subscribe and re-render.</summary>
    public event Action<CaseChangedMessage>? Changed;

    public void Publish(CaseChangedMessage message) => _queue.Writer.TryWrite(message);

    private async Task PumpAsync()
    {
        await foreach (var message in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _hub.Clients.All.SendAsync("caseChanged", message);
            }
            catch (Exception ex)
            {
                // Clients that miss a push catch up through /api/events; the event itself is already committed.
                _logger.LogWarning(ex, "Could not push case event {Seq}", message.Seq);
            }
            foreach (var handler in Changed?.GetInvocationList().Cast<Action<CaseChangedMessage>>() ?? [])
            {
                try
                {
                    handler(message);
                }
                catch (Exception ex)
                {
                    _logger.LogWarning(ex, "A live subscriber failed on event {Seq}", message.Seq);
                }
            }
        }
    }
}
