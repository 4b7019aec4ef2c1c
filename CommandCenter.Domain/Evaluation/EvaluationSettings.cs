using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 评价参数: weights, bands, grade thresholds and targets of 综合评价 (domain.md §6). Tenant data: the defaults
/// are domain.md's values (UNI's weights, [D] region formula) and are sample values (示例值) until an admin saves.
/// Bands count a month (月考评): evaluate one month of counts at a time.
/// </summary>
public sealed record EvaluationSettings
{
    /// <summary>示例值: true while these are the shipped sample values; saving edited settings sets it to false.</summary>
    public bool Sample { get; init; } = true;
    public CollectorFormula Collector { get; init; } = new();
    public IntakeFormula Intake { get; init; } = new();
    public ShiftLeadFormula ShiftLead { get; init; } = new();
    public DispatcherFormula Dispatcher { get; init; } = new();
    public DepartmentFormula Department { get; init; } = new();
    public RegionFormula Region { get; init; } = new();
    public GradeScale GradeScale { get; init; } = new();
    /// <summary>How many units the red list heads and the black list tails with (3, domain.md §6.2 [D]).</summary>
    public int RedBlackListSize { get; init; } = 3;
    public Resolution721Target Resolution721Target { get; init; } = new();

    public static EvaluationSettings Defaults { get; } = new();

    /// <summary>Every refusal of an edited settings object, with camelCase field paths (e.g. <c>intake.acceptedBands.bands[2].bound</c>).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        errors.AddRange(Collector.Validate("collector"));
        errors.AddRange(Intake.Validate("intake"));
        errors.AddRange(ShiftLead.Validate("shiftLead"));
        errors.AddRange(Dispatcher.Validate("dispatcher"));
        errors.AddRange(Department.Validate("department"));
        errors.AddRange(Region.Validate("region"));
        errors.AddRange(GradeScale.Validate("gradeScale"));
        if (RedBlackListSize < 1)
            errors.Add(new FieldError("redBlackListSize", "ValueTooSmall", 1));
        errors.AddRange(Resolution721Target.Validate("resolution721Target"));
        return errors;
    }
}
