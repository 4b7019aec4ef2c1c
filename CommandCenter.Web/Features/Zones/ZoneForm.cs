using System.Globalization;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data.City;

namespace CommandCenter.Web.Features.Zones;

/// <summary>
/// The zone editor's fields: opening hours as rows of days and a window (a window may run past midnight), seasons as
/// month-day pairs, closed dates as a list; turned into the <see cref="ZoneInput"/> the service checks.
/// </summary>
public sealed class ZoneForm
{
    public string? Name { get; set; }
    public string Type { get; set; } = "guided";
    public List<HourRow> Hours { get; set; } = [new()];
    public List<SeasonRow> Seasons { get; set; } = [];
    public string? ClosedDates { get; set; }
    public bool ClosedOnPublicHolidays { get; set; }
    public int StallCount { get; set; }
    public double MaxStallAreaM2 { get; set; } = VendorZone.DefaultMaxStallAreaM2;
    public string? Goods { get; set; }
    public string? BannedGoods { get; set; }
    public string? Manager { get; set; }
    public string? SchoolName { get; set; }
    public int? Capacity { get; set; }
    public string? Operator { get; set; }
    public int? Parked { get; set; }
    public int? Version { get; set; }

    public bool PermitsVending => VendorZoneTypes.TryParse(Type, out var t) && VendorZoneTypes.PermitsVending(t);

    public bool IsBikeFence => Type == VendorZoneTypes.Slug(VendorZoneType.BikeFence);

    public static ZoneForm From(VendorZoneRow z) => new()
    {
        Name = z.Name, Type = z.Type, Hours = z.Windows.Select(HourRow.From).ToList(),
        Seasons = City.CityGeography.SeasonsOf(z).Select(s => new SeasonRow { From = s.From, To = s.To }).ToList(),
        ClosedDates = string.Join(", ", z.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        ClosedOnPublicHolidays = z.ClosedOnPublicHolidays, StallCount = z.StallCount, MaxStallAreaM2 = z.MaxStallAreaM2, Goods = z.Goods,
        BannedGoods = z.BannedGoods, Manager = z.Manager, SchoolName = z.SchoolName, Capacity = z.Capacity, Operator = z.Operator, Parked = z.Parked,
        Version = z.Version,
    };

    public ZoneInput ToInput(NetTopologySuite.Geometries.Geometry? geometry) => new()
    {
        Name = Name, Type = Type,
        Windows = PermitsVending ? Hours.Select(h => h.ToRule()).ToArray() : [],
        Seasons = PermitsVending ? Seasons.Select(s => new SeasonInput(s.From, s.To)).ToArray() : [],
        ClosedDates = (ClosedDates ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ClosedOnPublicHolidays = ClosedOnPublicHolidays, StallCount = StallCount, MaxStallAreaM2 = MaxStallAreaM2, Goods = Goods,
        BannedGoods = BannedGoods, Manager = Manager, SchoolName = SchoolName,
        Capacity = IsBikeFence ? Capacity : null, Operator = IsBikeFence ? Operator : null, Parked = IsBikeFence ? Parked : null,
        Version = Version, Geometry = geometry,
    };

    /// <summary>One line of weekly hours: the days it opens on (none ticked = every day) and its window, e.g. 19:00 to 01:00.</summary>
    public sealed class HourRow
    {
        public bool[] Days { get; set; } = new bool[7];
        public string Start { get; set; } = "09:00";
        public string End { get; set; } = "12:00";

        public static HourRow From(string rule)
        {
            if (!OpeningRule.TryParse(rule, out var parsed))
            {
                return new HourRow { Start = rule, End = "" };
            }
            var row = new HourRow { Start = parsed.Window.Start.ToString("HH:mm", CultureInfo.InvariantCulture), End = parsed.Window.End.ToString("HH:mm", CultureInfo.InvariantCulture) };
            if (parsed.Days != Weekdays.Daily)
            {
                for (var d = 0; d < 7; d++)
                {
                    row.Days[d] = (parsed.Days & (Weekdays)(1 << d)) != 0;
                }
            }
            return row;
        }

        /// <summary>The rule's text form: "19:00-01:00" every day, or "sat,sun 06:00-09:00".</summary>
        public string ToRule()
        {
            var window = $"{Start?.Trim()}-{End?.Trim()}";
            if (Days.All(d => !d) || Days.All(d => d))
            {
                return window;
            }
            var names = Enumerable.Range(0, 7).Where(d => Days[d]).Select(d => OpeningRule.DayName((DayOfWeek)((d + 1) % 7)));
            return $"{string.Join(",", names)} {window}";
        }
    }

    /// <summary>A season's bounds as typed, MM-dd.</summary>
    public sealed class SeasonRow
    {
        public string? From { get; set; }
        public string? To { get; set; }
    }
}
