namespace CommandCenter.Domain.Cases;

/// <summary>Who may act on a case. Slugs are the API's and the seeded users' role names.</summary>
public enum Role
{
    /// <summary>网格员/监督员: patrols one duty grid, reports, verifies (核实) and checks (核查).</summary>
    GridMember,

    /// <summary>受理员: receives reports and calls, sends 核实/核查 tasks.</summary>
    Intake,

    /// <summary>值班长: files (立案), closes (结案), approves voids and reviews on-the-spot fixes.</summary>
    ShiftLead,

    /// <summary>派遣员: dispatches to one department, approves returns, extensions and shelving.</summary>
    Dispatcher,

    /// <summary>专业部门处置人员: fixes cases of their own department.</summary>
    Handler,

    /// <summary>马路局长: the bureau leader on monthly street duty; reports, fixes on the spot, supervises.</summary>
    RoadDirector,

    /// <summary>领导: supervises (督办) and approves what goes past the desks' limits.</summary>
    Leader,

    /// <summary>管理员: edits limits, calendar and users.</summary>
    Admin,

    /// <summary>系统: the clock (automatic 催办/督办) and machine intake.</summary>
    System,

    /// <summary>市民: reports through 随手拍 or an Open311 app (domain.md §4.3 #2) and reads nothing of the centre's.</summary>
    Citizen,
    /// <summary>街长/巷长 (路长): answers for the streets they are chief of; reads the cases linked to them, walks the 十无 checklist.</summary>
    StreetChief,
}
