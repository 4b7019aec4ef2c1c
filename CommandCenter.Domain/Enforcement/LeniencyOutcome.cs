namespace CommandCenter.Domain.Enforcement;

/// <summary>What the leniency list makes of an offence.</summary>
public enum LeniencyOutcome
{
    /// <summary>Lenient: recorded as a warning with a written correction notice and deadline (责令改正, 首错纠偏), no fine.</summary>
    Warning,

    /// <summary>Listed, but a repeat within the look-back: ordinary enforcement.</summary>
    Penalty,

    /// <summary>The category is not on the list.</summary>
    NotApplicable,
}
