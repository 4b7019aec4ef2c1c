namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 平均用时: time spent in one step over a period, from the sum of hours and the number of cases (domain.md §6.1, eGova
/// 平均处置时长). <see cref="Step"/> is the clock step name (accept, verify, file, dispatch, handle, check, close).
/// </summary>
public sealed record StageDuration(string Step, double TotalHours, long Count)
{
    /// <summary>Average hours per case, or null when no case went through the step.</summary>
    public double? AverageHours
    {
        get
        {
            if (Percent.NotNegative(Count) == 0)
                return null;
            if (!(TotalHours >= 0) || !double.IsFinite(TotalHours))
                throw new ArgumentOutOfRangeException(nameof(TotalHours), TotalHours, "Hours must be a non-negative number.");
            return TotalHours / Count;
        }
    }
}
