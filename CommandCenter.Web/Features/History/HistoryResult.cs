namespace CommandCenter.Web.Features.History;

/// <summary>What a history load wrote: cases and events, the span they cover, and how long it took.</summary>
public sealed record HistoryResult(int Cases, long Events, DateOnly FirstDay, DateTimeOffset Until, TimeSpan Generating, TimeSpan Copying);
