namespace CommandCenter.Domain.Cases;

/// <summary>Where a case stands in its workflow (domain.md §4.2).</summary>
public enum CaseState
{
    /// <summary>草稿: collected in the field, not yet reported.</summary>
    Draft,
    /// <summary>待受理: reported, waiting for intake.</summary>
    Reported,
    /// <summary>待核实: a public report waits for a grid member to confirm it on site.</summary>
    Verifying,
    /// <summary>待立案.</summary>
    PendingFiling,
    /// <summary>待派遣: filed.</summary>
    Filed,
    /// <summary>处置中: dispatched to a department; the handling clock runs.</summary>
    Dispatched,
    /// <summary>回退待审: the department says it is not theirs.</summary>
    Returned,
    /// <summary>申请挂账.</summary>
    ShelveRequested,
    /// <summary>已挂账: clock paused.</summary>
    Shelved,
    /// <summary>待发核查: the department reports it fixed; intake sends the check task.</summary>
    Handled,
    /// <summary>核查中: a grid member checks the fix on site.</summary>
    Checking,
    /// <summary>待结案.</summary>
    PendingClose,
    /// <summary>现场处置待审: fixed on the spot by the finder, waiting for review.</summary>
    SelfHandled,
    /// <summary>已结案.</summary>
    Closed,
    /// <summary>不予立案.</summary>
    NotFiled,
    /// <summary>已作废.</summary>
    Voided,
    /// <summary>已合并 into another case.</summary>
    Merged,
}
