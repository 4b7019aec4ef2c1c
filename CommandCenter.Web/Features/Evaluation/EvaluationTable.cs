using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>What a column holds, which decides how it is rounded and shown: a count, a rate in %, points, hours or a plain number.</summary>
public enum ColumnKind
{
    Count,
    Rate,
    Points,
    Hours,
    Number,
}

/// <summary>One column of an evaluation table: its JSON key (also the resource key <c>Eval_{Key}</c> of its header) and kind.</summary>
public sealed record EvaluationColumn(string Key, ColumnKind Kind)
{
    /// <summary>Rounded as shown on the page and written to the files, so both carry the same figures.</summary>
    public double? Round(double? value) => value is not { } v ? null : Kind switch
    {
        ColumnKind.Count => Math.Round(v),
        ColumnKind.Rate or ColumnKind.Hours => Math.Round(v, 1),
        _ => Math.Round(v, 2),
    };
}

/// <summary>One unit's row: code, name, the rounded values by column key, and its composite (rounded to 0.01) and grade; null when not evaluated.</summary>
public sealed record EvaluationRow(string Code, string Name, IReadOnlyDictionary<string, double?> Values, double? Composite, Grade? Grade)
{
    public string? GradeLetter => Grade?.Letter();
}

/// <summary>A scope's evaluation over a period: its columns and rows (best first when graded), ready for the page, the API and the files.</summary>
public sealed record EvaluationTable(string Scope, EvaluationPeriod Period, IReadOnlyList<EvaluationColumn> Columns, IReadOnlyList<EvaluationRow> Rows, bool Graded = true);
