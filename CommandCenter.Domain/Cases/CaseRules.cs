using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>The rules one transition is decided with: the calendar clock, the step limits and the case category's handling limit.</summary>
public sealed record CaseRules(SlaClock Clock, StepLimits Steps, TimeLimit HandlingLimit);
