using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>Per-step time limits (domain.md §5.2, design defaults, editable by an admin). Handling comes from the category.</summary>
public sealed record StepLimits
{
    public TimeLimit Accept { get; init; } = TimeLimit.NaturalMinutes(10);
    public TimeLimit Verify { get; init; } = TimeLimit.WorkingHours(1);
    public TimeLimit File { get; init; } = TimeLimit.NaturalMinutes(15);
    public TimeLimit Dispatch { get; init; } = TimeLimit.NaturalMinutes(15);
    public TimeLimit Check { get; init; } = TimeLimit.WorkingHours(2);
    public TimeLimit Close { get; init; } = TimeLimit.NaturalMinutes(30);

    public static StepLimits Defaults { get; } = new();
}
