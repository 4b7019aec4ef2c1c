using System.Text.Json;

namespace CommandCenter.Web.Data.Changes;

/// <summary>Adds a change to the log in the same unit of work as the edit it records, so both commit or neither.</summary>
public static class ChangeLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ChangeRow Record(this CommandCenterDb db, string topic, string entityId, string action, string actor, DateTimeOffset at,
        object? before = null, object? after = null)
    {
        var row = new ChangeRow
        {
            Topic = topic, EntityId = entityId, Action = action, Actor = actor, At = at,
            Before = before is null ? null : before as string ?? JsonSerializer.Serialize(before, Json),
            After = after is null ? null : after as string ?? JsonSerializer.Serialize(after, Json),
        };
        db.Changes.Add(row);
        return row;
    }
}
