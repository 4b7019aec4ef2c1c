namespace CommandCenter.Domain.Intake;

/// <summary>办理进度: where a case stands as the public is told it, coarser than the workflow state and without staff steps.</summary>
public enum PublicStage
{
    /// <summary>已收到: waiting for intake.</summary>
    Received,
    /// <summary>核实中: a grid member checks it on site.</summary>
    Verifying,
    /// <summary>已受理: confirmed, being filed and sent to a department.</summary>
    Accepted,
    /// <summary>处置中: a department is on it.</summary>
    Handling,
    /// <summary>待复核: reported fixed, the fix is being checked.</summary>
    Checking,
    /// <summary>已办结.</summary>
    Closed,
    /// <summary>不予立案, with the reason.</summary>
    NotFiled,
    /// <summary>已合并 into an earlier report of the same problem.</summary>
    Merged,
    /// <summary>已撤销.</summary>
    Voided,
}
