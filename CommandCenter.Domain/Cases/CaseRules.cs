using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>The rules one transition is decided with: the calendar clock, the step limits, the case category's handling limit and the workflow settings.</summary>
public sealed record CaseRules(SlaClock Clock, StepLimits Steps, TimeLimit HandlingLimit, WorkflowSettings Settings)
{
    public CaseRules(SlaClock clock, StepLimits steps, TimeLimit handlingLimit) : this(clock, steps, handlingLimit, WorkflowSettings.Defaults)
    {
    }

    public TimeLimit LimitOf(CaseStep step) => step == CaseStep.Handle ? HandlingLimit : Steps.For(step);
}
