using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Live;

/// <summary>
/// Hands what the <see cref="ChangeFollower"/> reads from the logs to the Blazor components of this process.
/// Nothing else publishes here: a write reaches screens only after it is committed and read back, the same way on
/// every instance. Case events go only to subscribers whose read scope allows them.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _lock = new();
    private List<(ReadScope Scope, Action<CaseChangedMessage> Handler)> _caseHandlers = [];
    private List<Action<ChangeMessage>> _changeHandlers = [];

    /// <summary>Calls <paramref name="handler"/> for each case event the scope may read, in sequence order, until disposed.</summary>
    public IDisposable OnCase(ReadScope scope, Action<CaseChangedMessage> handler)
    {
        lock (_lock)
        {
            _caseHandlers = [.. _caseHandlers, (scope, handler)];
        }
        return new Subscription(() => { lock (_lock) _caseHandlers = _caseHandlers.Where(h => h.Handler != handler).ToList(); });
    }

    /// <summary>Calls <paramref name="handler"/> for each change to the city or its rules, after the caches have reloaded.</summary>
    public IDisposable OnChange(Action<ChangeMessage> handler)
    {
        lock (_lock)
        {
            _changeHandlers = [.. _changeHandlers, handler];
        }
        return new Subscription(() => { lock (_lock) _changeHandlers = _changeHandlers.Where(h => h != handler).ToList(); });
    }

    internal void Publish(CaseChangedMessage message)
    {
        foreach (var (scope, handler) in _caseHandlers)
        {
            if (message.VisibleTo(scope))
            {
                Call(() => handler(message), message.Seq);
            }
        }
    }

    internal void Publish(ChangeMessage message)
    {
        foreach (var handler in _changeHandlers)
        {
            Call(() => handler(message), message.Seq);
        }
    }

    private void Call(Action action, long seq)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // One broken page must not stop the others from hearing the event.
            logger.LogWarning(ex, "A live subscriber failed on event {Seq}", seq);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
