namespace CommandCenter.Domain.Evaluation;

/// <summary>评价等级: the letter a 综合指标值 earns (domain.md §6.2); thresholds in <see cref="GradeScale"/>.</summary>
public enum Grade
{
    A,
    B,
    C,
    D,
    E,
}

public static class Grades
{
    /// <summary>The one-letter string shown and stored: "A" … "E".</summary>
    public static string Letter(this Grade grade) => grade switch
    {
        Grade.A => "A",
        Grade.B => "B",
        Grade.C => "C",
        Grade.D => "D",
        _ => "E",
    };

    /// <summary>A green, B blue, C yellow, D orange, E red (domain.md §6.2 [D]).</summary>
    public static GradeColour Colour(this Grade grade) => grade switch
    {
        Grade.A => GradeColour.Green,
        Grade.B => GradeColour.Blue,
        Grade.C => GradeColour.Yellow,
        Grade.D => GradeColour.Orange,
        _ => GradeColour.Red,
    };

    /// <summary>The lower-case colour name the web layer keys its palette by ("green" … "red"), like the timing colours.</summary>
    public static string ColourSlug(this Grade grade) => grade.Colour().ToString().ToLowerInvariant();
}
