namespace CommandCenter.Domain.Streets;

/// <summary>
/// 路长制 level (domain.md §7.2): a smaller number is higher up. Overdue cases escalate
/// <see cref="Patroller"/> → <see cref="SquadronLeader"/> → <see cref="AreaChief"/> and stop there.
/// </summary>
public enum RoadChiefLevel
{
    /// <summary>一级路长: the area chief who coordinates.</summary>
    AreaChief = 1,
    /// <summary>二级路长: the squadron leader who drives rectification.</summary>
    SquadronLeader = 2,
    /// <summary>三级路长: the patroller who patrols and fixes first.</summary>
    Patroller = 3,
}
