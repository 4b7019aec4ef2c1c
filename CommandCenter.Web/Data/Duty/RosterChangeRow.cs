using System.ComponentModel.DataAnnotations;
using CommandCenter.Domain.Duty;

namespace CommandCenter.Web.Data.Duty;

/// <summary>One change to the road-director roster (值班表变更), kept for good; replayed in order they rebuild the roster.</summary>
public sealed class RosterChangeRow
{
    public long Id { get; set; }
    /// <summary>planned, set, swapped, stand-in, stand-in-removed.</summary>
    [MaxLength(24)] public required string Kind { get; set; }
    /// <summary>yyyy-MM.</summary>
    [MaxLength(7)] public required string Month { get; set; }
    public DateOnly? Day { get; set; }
    [MaxLength(16)] public string? Before { get; set; }
    [MaxLength(16)] public string? After { get; set; }
    [MaxLength(64)] public required string By { get; set; }
    public DateTimeOffset At { get; set; }

    public RosterChange ToDomain() => new(KindOf(Kind), RosterMonth.TryParse(Month, out var m) ? m : throw new InvalidOperationException($"Bad roster month '{Month}'."),
        Day, Before, After, By, At);

    public static RosterChangeRow From(RosterChange c) => new()
    {
        Kind = SlugOf(c.Kind), Month = c.Month.ToString(), Day = c.Day, Before = c.Before, After = c.After, By = c.By, At = c.At,
    };

    public static string SlugOf(RosterChangeKind kind) => kind switch
    {
        RosterChangeKind.Planned => "planned",
        RosterChangeKind.Set => "set",
        RosterChangeKind.Swapped => "swapped",
        RosterChangeKind.StandIn => "stand-in",
        _ => "stand-in-removed",
    };

    public static RosterChangeKind KindOf(string slug) => slug switch
    {
        "planned" => RosterChangeKind.Planned,
        "set" => RosterChangeKind.Set,
        "swapped" => RosterChangeKind.Swapped,
        "stand-in" => RosterChangeKind.StandIn,
        "stand-in-removed" => RosterChangeKind.StandInRemoved,
        _ => throw new InvalidOperationException($"Unknown roster change '{slug}'."),
    };
}
