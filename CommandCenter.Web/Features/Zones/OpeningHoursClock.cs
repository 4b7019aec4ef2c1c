using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.City;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;

namespace CommandCenter.Web.Features.Zones;

/// <summary>
/// Tells screens when a vending zone or a kiosk opens or closes, at the minute it happens on the injected clock: it waits
/// for the earliest <see cref="VendorZoneSchedule.NextChange"/> of the city's zones and kiosks, then pushes
/// <c>zoneChanged {id, action: opened|closed}</c> (or <c>kioskChanged</c>) so the map and the wall recolour without reload.
/// <para>
/// This is a per-instance live message, not a change-log row, on purpose: opening at 19:00 changes no data — it follows from
/// the zone's hours, already in the log, and the clock. Every instance has both, so each tells its own screens; rows would be
/// written once per instance for the same minute (or need one instance elected to write them) and would reload nothing.
/// An edit to a zone or kiosk, or to the holiday calendar, makes it plan again.
/// </para>
/// </summary>
public sealed class OpeningHoursClock(CityGeography city, CityClock clock, TimeProvider time, CaseRulesProvider rules, LiveFeed feed,
    HubBroadcaster hub, ILogger<OpeningHoursClock> logger) : BackgroundService
{
    public const string Actor = "clock";
    private static readonly TimeSpan NotLoadedPoll = TimeSpan.FromMilliseconds(200);
    // Seasons can be months away, longer than one timer may wait; waking once a day to plan again costs nothing.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim _replan = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.OnChange(c =>
        {
            if (c.Actor != Actor && c.Topic is ChangeTopics.Zone or ChangeTopics.Kiosk or ChangeTopics.Calendar)
            {
                Replan();
            }
        });
        while (!city.IsLoaded)
        {
            await Task.Delay(NotLoadedPoll, stoppingToken);
        }
        IReadOnlyDictionary<(string Topic, string Id), bool>? known = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime? next;
            try
            {
                var holidays = (await rules.CurrentAsync(stoppingToken)).Clock.Calendar.Holidays;
                var local = clock.LocalNow;
                var now = States(local, holidays);
                if (known is not null)
                {
                    await PushChangesAsync(known, now);
                }
                known = now;
                next = NextChange(local, holidays);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Planning the next opening or closing failed; trying again in a minute");
                next = clock.LocalNow.AddMinutes(1);
            }
            await WaitAsync(next, stoppingToken);
        }
    }

    /// <summary>Open or closed now, for every zone that permits vending and every kiosk.</summary>
    private Dictionary<(string, string), bool> States(DateTime local, IReadOnlySet<DateOnly> holidays)
    {
        var map = city.Index.City;
        var states = new Dictionary<(string, string), bool>();
        foreach (var zone in map.VendorZones.Where(z => VendorZoneTypes.PermitsVending(z.Type)))
        {
            states[(ChangeTopics.Zone, zone.Id)] = zone.IsOpenAt(local, holidays);
        }
        foreach (var kiosk in map.Kiosks)
        {
            states[(ChangeTopics.Kiosk, kiosk.Id)] = kiosk.IsOpenAt(local);
        }
        return states;
    }

    private DateTime? NextChange(DateTime local, IReadOnlySet<DateOnly> holidays)
    {
        var map = city.Index.City;
        var zoneChanges = map.VendorZones.Where(z => VendorZoneTypes.PermitsVending(z.Type)).Select(z => z.Schedule.NextChange(local, holidays));
        var kioskChanges = map.Kiosks.Where(k => !k.Is24h && !KioskRules.IsAroundTheClock(k.Hours))
            .Select(k => KioskRules.TryParseHours(k.Hours, out var hours) ? new VendorZoneSchedule(hours, [], [], false).NextChange(local) : null);
        return zoneChanges.Concat(kioskChanges).Min();
    }

    private async Task PushChangesAsync(IReadOnlyDictionary<(string Topic, string Id), bool> before, IReadOnlyDictionary<(string Topic, string Id), bool> now)
    {
        // Zones drawn or retired meanwhile are announced by their own change; only a state that flipped is news here.
        foreach (var ((topic, id), open) in now.OrderBy(s => s.Key.Id, StringComparer.Ordinal))
        {
            if (before.TryGetValue((topic, id), out var was) && was != open)
            {
                var message = new ChangeMessage(0, topic, id, open ? "opened" : "closed", Actor, clock.UtcNow, null);
                feed.Publish(message);
                await hub.ChangedAsync(message);
            }
        }
    }

    private async Task WaitAsync(DateTime? nextLocal, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var span = nextLocal is { } next ? clock.ToInstant(next) - clock.UtcNow : LongestWait;
        var delay = Task.Delay(span < TimeSpan.Zero ? TimeSpan.Zero : span > LongestWait ? LongestWait : span, time, wake.Token);
        var replan = _replan.WaitAsync(wake.Token);
        await Task.WhenAny(delay, replan);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Replan()
    {
        try
        {
            _replan.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already asked to plan again.
        }
    }

    public override void Dispose()
    {
        _replan.Dispose();
        base.Dispose();
    }
}
