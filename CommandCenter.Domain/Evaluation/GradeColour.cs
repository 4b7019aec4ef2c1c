namespace CommandCenter.Domain.Evaluation;

/// <summary>等级颜色: the colour a grade is painted in on lists, grids and the wall (domain.md §6.2 [D]).</summary>
public enum GradeColour
{
    Green,
    Blue,
    Yellow,
    Orange,
    Red,
}
