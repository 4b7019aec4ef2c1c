using CommandCenter.Domain.Cases;
using CommandCenter.Web.Live;

namespace CommandCenter.Web.Features.Wall;

/// <summary>
/// The wall's figures, computed once per read scope for all the walls showing that scope: a burst of events (or the
/// minute passing) recomputes each watched scope once, so the cost grows with changes, not with walls × changes.
/// </summary>
public sealed class WallFigures : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<WallFigures> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = [];
    private readonly IDisposable _subscription;
    private readonly Timer _minute;

    public WallFigures(IServiceScopeFactory scopes, LiveFeed feed, ILogger<WallFigures> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _subscription = feed.OnCase(ReadScope.City, m => Touch(m));
        _minute = new Timer(_ => Touch(null), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>Calls <paramref name="onSnapshot"/> with the scope's figures now and after every change, until disposed.</summary>
    public IDisposable Watch(ReadScope scope, Action<WallSnapshot> onSnapshot)
    {
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(scope.GroupName, out entry!))
            {
                entry = new Entry(scope);
                _entries[scope.GroupName] = entry;
            }
            entry.Watchers.Add(onSnapshot);
        }
        if (entry.Latest is { } latest)
        {
            onSnapshot(latest);
        }
        else
        {
            Schedule(entry, TimeSpan.Zero);
        }
        return new Unwatch(this, entry, onSnapshot);
    }

    private void Touch(CaseChangedMessage? message)
    {
        List<Entry> affected;
        lock (_lock)
        {
            affected = _entries.Values.Where(e => message is null || message.VisibleTo(e.Scope)).ToList();
        }
        foreach (var entry in affected)
        {
            Schedule(entry, Debounce);
        }
    }

    private void Schedule(Entry entry, TimeSpan delay)
    {
        lock (_lock)
        {
            if (entry.Pending)
            {
                return;
            }
            entry.Pending = true;
        }
        _ = Task.Delay(delay).ContinueWith(_ => RecomputeAsync(entry), TaskScheduler.Default).Unwrap();
    }

    /// <summary>
    /// Drops every computed snapshot and computes the watched ones again: for data changed behind the change log's
    /// back (tests truncating cases between classes).
    /// </summary>
    public void Forget()
    {
        List<Entry> entries;
        lock (_lock)
        {
            entries = [.. _entries.Values];
            foreach (var entry in entries)
            {
                entry.Latest = null;
            }
        }
        foreach (var entry in entries)
        {
            Schedule(entry, TimeSpan.Zero);
        }
    }

    private async Task RecomputeAsync(Entry entry)
    {
        long generation;
        lock (_lock)
        {
            entry.Pending = false;
            generation = ++entry.Started;
        }
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var snapshot = await scope.ServiceProvider.GetRequiredService<WallStatistics>().SnapshotAsync(entry.Scope);
            List<Action<WallSnapshot>> watchers;
            lock (_lock)
            {
                // A slower computation that started before a newer one must not overwrite the newer figures.
                if (generation < entry.Applied)
                {
                    return;
                }
                entry.Applied = generation;
                entry.Latest = snapshot;
                watchers = [.. entry.Watchers];
            }
            foreach (var watcher in watchers)
            {
                watcher(snapshot);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not compute the wall figures for {Scope}", entry.Scope.GroupName);
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _minute.Dispose();
    }

    private sealed class Entry(ReadScope scope)
    {
        public ReadScope Scope { get; } = scope;
        public List<Action<WallSnapshot>> Watchers { get; } = [];
        public WallSnapshot? Latest { get; set; }
        public bool Pending { get; set; }
        public long Started { get; set; }
        public long Applied { get; set; }
    }

    private sealed class Unwatch(WallFigures owner, Entry entry, Action<WallSnapshot> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                entry.Watchers.Remove(watcher);
                if (entry.Watchers.Count == 0)
                {
                    owner._entries.Remove(entry.Scope.GroupName);
                }
            }
        }
    }
}
