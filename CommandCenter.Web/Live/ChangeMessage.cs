using CommandCenter.Web.Data.Changes;

namespace CommandCenter.Web.Live;

/// <summary>A change to the city or its rules as screens hear of it: topic, entity and what happened.</summary>
public sealed record ChangeMessage(long Seq, string Topic, string EntityId, string Action, string Actor, DateTimeOffset At, string? After)
{
    public static ChangeMessage From(ChangeRow row) => new(row.Seq, row.Topic, row.EntityId, row.Action, row.Actor, row.At, row.After);
}
