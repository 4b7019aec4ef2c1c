namespace CommandCenter.Domain.Clocks;

/// <summary>How a time limit is counted (工作时 / 工作日 / 自然时).</summary>
public enum LimitUnit
{
    /// <summary>工作时: only hours inside the working calendar count.</summary>
    WorkingHours,
    /// <summary>工作日: a working day is one day's full working hours.</summary>
    WorkingDays,
    /// <summary>自然时: every hour counts, nights and holidays too (emergencies).</summary>
    NaturalHours,
}
