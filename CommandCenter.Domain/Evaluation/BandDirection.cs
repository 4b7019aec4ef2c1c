namespace CommandCenter.Domain.Evaluation;

/// <summary>Which way a count band reads: more is better (受理数, 派遣数) or fewer is better (部门立案数, 立案密度).</summary>
public enum BandDirection
{
    /// <summary>"≥ bound → score", bounds listed from the highest down.</summary>
    AtLeast,
    /// <summary>"≤ bound → score", bounds listed from the lowest up.</summary>
    AtMost,
}
