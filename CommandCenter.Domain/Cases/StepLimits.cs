using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>Per-step time limits (domain.md §5.2, design defaults, editable by an admin). Handling comes from the category.</summary>
public sealed record StepLimits
{
    public TimeLimit Accept { get; init; } = TimeLimit.NaturalMinutes(10);
    public TimeLimit Verify { get; init; } = TimeLimit.WorkingHours(1);
    public TimeLimit File { get; init; } = TimeLimit.NaturalMinutes(15);
    public TimeLimit Dispatch { get; init; } = TimeLimit.NaturalMinutes(15);
    /// <summary>发核查: not in domain.md §5.2; a design default like the other desk steps.</summary>
    public TimeLimit SendCheck { get; init; } = TimeLimit.NaturalMinutes(15);
    public TimeLimit Check { get; init; } = TimeLimit.WorkingHours(2);
    public TimeLimit Close { get; init; } = TimeLimit.NaturalMinutes(30);

    public static StepLimits Defaults { get; } = new();

    public TimeLimit For(CaseStep step) => step switch
    {
        CaseStep.Accept => Accept,
        CaseStep.Verify => Verify,
        CaseStep.File => File,
        CaseStep.Dispatch => Dispatch,
        CaseStep.SendCheck => SendCheck,
        CaseStep.Check => Check,
        CaseStep.Close => Close,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "handling takes its limit from the category"),
    };

    public StepLimits With(CaseStep step, TimeLimit limit) => step switch
    {
        CaseStep.Accept => this with { Accept = limit },
        CaseStep.Verify => this with { Verify = limit },
        CaseStep.File => this with { File = limit },
        CaseStep.Dispatch => this with { Dispatch = limit },
        CaseStep.SendCheck => this with { SendCheck = limit },
        CaseStep.Check => this with { Check = limit },
        CaseStep.Close => this with { Close = limit },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "handling takes its limit from the category"),
    };
}
