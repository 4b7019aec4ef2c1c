namespace CommandCenter.Domain.Enforcement;

/// <summary>One recorded offence of a party (a warning counts as an offence for the look-back).</summary>
public sealed record PartyOffence(PartyKey Party, string CategoryCode, DateTimeOffset At);
