using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Zones;

/// <summary>
/// A zone as the editor or an API client sends it: the drawn area and its attributes in their text forms
/// (<c>windows</c>: opening rules such as "fri,sat 19:00-02:00"; <c>seasons</c>: "MM-dd" bounds; <c>closedDates</c>: yyyy-MM-dd).
/// </summary>
public sealed record ZoneInput
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string[] Windows { get; init; } = [];
    public SeasonInput[] Seasons { get; init; } = [];
    public string[] ClosedDates { get; init; } = [];
    public bool ClosedOnPublicHolidays { get; init; }
    public int StallCount { get; init; }
    /// <summary>Null: the 2 m² default.</summary>
    public double? MaxStallAreaM2 { get; init; }
    public string? Goods { get; init; }
    public string? BannedGoods { get; init; }
    public string? Manager { get; init; }
    public string? SchoolName { get; init; }
    public int? Capacity { get; init; }
    public string? Operator { get; init; }
    public int? Parked { get; init; }
    /// <summary>When editing: the version read, so an edit made meanwhile is not overwritten.</summary>
    public int? Version { get; init; }

    /// <summary>Set from the GeoJSON feature's geometry, not from its properties.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Geometry? Geometry { get; init; }
}

/// <summary>One season of a zone: month-day bounds, inclusive, e.g. 07-01 → 10-31.</summary>
public sealed record SeasonInput(string? From, string? To);
