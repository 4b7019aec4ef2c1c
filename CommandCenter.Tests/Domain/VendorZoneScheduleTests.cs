using CommandCenter.Domain.Zones;

namespace CommandCenter.Tests.Domain;

public sealed class VendorZoneScheduleTests
{
    private static readonly VendorZoneSchedule NightMarket = new([DailyWindow.Parse("19:00-01:00")], null);
    private static readonly VendorZoneSchedule MelonSeason = new([DailyWindow.Parse("18:00-00:30")], Season.Parse("06-01", "09-30"));

    [Theory]
    [InlineData("2026-07-01 18:59", false)]
    [InlineData("2026-07-01 19:00", true)]
    [InlineData("2026-07-01 23:59", true)]
    [InlineData("2026-07-02 00:30", true)]
    [InlineData("2026-07-02 01:00", false)]
    [InlineData("2026-07-02 12:00", false)]
    public void A_night_market_stays_open_past_midnight(string local, bool open) =>
        Assert.Equal(open, NightMarket.IsOpen(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-05-31 20:00", false)] // before the season
    [InlineData("2026-06-01 20:00", true)]
    [InlineData("2026-09-30 23:00", true)]
    [InlineData("2026-10-01 00:15", true)]  // the last night of the season runs past midnight
    [InlineData("2026-10-01 20:00", false)] // the season is over
    [InlineData("2026-06-01 00:15", false)] // that night began on 31 May, out of season
    public void A_seasonal_point_opens_only_on_nights_that_begin_in_season(string local, bool open) =>
        Assert.Equal(open, MelonSeason.IsOpen(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_winter_season_wraps_the_new_year()
    {
        var winter = Season.Parse("11-15", "02-28");
        Assert.True(winter.Contains(new DateOnly(2026, 12, 31)));
        Assert.True(winter.Contains(new DateOnly(2027, 1, 15)));
        Assert.False(winter.Contains(new DateOnly(2027, 3, 1)));
        Assert.False(winter.Contains(new DateOnly(2026, 11, 14)));
    }

    [Fact]
    public void Two_windows_a_day_are_both_honoured()
    {
        var morningAndEvening = new VendorZoneSchedule([DailyWindow.Parse("05:30-08:30"), DailyWindow.Parse("17:00-21:00")], null);
        Assert.True(morningAndEvening.IsOpen(new DateTime(2026, 3, 3, 6, 0, 0)));
        Assert.False(morningAndEvening.IsOpen(new DateTime(2026, 3, 3, 12, 0, 0)));
        Assert.True(morningAndEvening.IsOpen(new DateTime(2026, 3, 3, 20, 59, 0)));
    }

    [Theory]
    [InlineData("19:00~01:00")]
    [InlineData("25:00-01:00")]
    [InlineData("7pm-1am")]
    public void Malformed_windows_are_refused(string text) => Assert.Throws<FormatException>(() => DailyWindow.Parse(text));

    [Fact]
    public void Malformed_season_days_are_refused()
    {
        Assert.Throws<FormatException>(() => Season.Parse("02-30", "03-01"));
        Assert.Throws<FormatException>(() => Season.Parse("6/1", "9/30"));
    }

    [Fact]
    public void A_banned_zone_is_never_open()
    {
        var banned = new VendorZone("BZ01", "学校周边禁摆区", VendorZoneType.Banned, VendorZoneSchedule.Never, 0, 0, "", null, "示例小学",
            NetTopologySuite.Geometries.GeometryFactory.Default.CreatePolygon());
        Assert.False(banned.IsOpenAt(new DateTime(2026, 7, 1, 20, 0, 0)));
    }
}
