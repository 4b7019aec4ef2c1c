namespace CommandCenter.Domain.Cases;

/// <summary>The steps of a case that run on a clock (domain.md §5.2); each has its own limit.</summary>
public enum CaseStep
{
    /// <summary>受理: intake takes the report.</summary>
    Accept,
    /// <summary>核实: a grid member confirms a public report on site.</summary>
    Verify,
    /// <summary>立案: the shift leader files it.</summary>
    File,
    /// <summary>派遣: the dispatcher sends it to one department.</summary>
    Dispatch,
    /// <summary>处置: the department fixes it (limit per category).</summary>
    Handle,
    /// <summary>发核查: intake sends the check task to the duty grid's member.</summary>
    SendCheck,
    /// <summary>核查: the grid member checks the fix on site.</summary>
    Check,
    /// <summary>结案: the shift leader closes it.</summary>
    Close,
}
