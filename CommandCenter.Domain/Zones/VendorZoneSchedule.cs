namespace CommandCenter.Domain.Zones;

/// <summary>
/// When a vending zone is open: daily windows in local time, optionally limited to a season.
/// A night that starts inside the season stays open past midnight even if the season ends that day.
/// </summary>
public sealed record VendorZoneSchedule(IReadOnlyList<DailyWindow> Windows, Season? Season)
{
    /// <summary>No windows: never open (banned zones).</summary>
    public static VendorZoneSchedule Never { get; } = new([], null);

    public bool IsOpen(DateTime local)
    {
        foreach (var window in Windows)
        {
            if (window.OpeningDateCovering(local) is { } openedOn && (Season is null || Season.Value.Contains(openedOn)))
            {
                return true;
            }
        }
        return false;
    }
}
