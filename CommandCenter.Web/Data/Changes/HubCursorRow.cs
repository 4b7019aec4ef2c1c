using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Changes;

/// <summary>
/// How far the hub's publisher has pushed the two logs to SignalR clients (one row per hub). With several instances
/// behind a Redis backplane only one pushes; an instance taking over resumes from here, so nothing falls between.
/// </summary>
public sealed class HubCursorRow
{
    [Key, MaxLength(32)] public required string Hub { get; set; }
    public long CaseSeq { get; set; }
    public long ChangeSeq { get; set; }
    [MaxLength(128)] public required string Holder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
