using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>An evaluation table as JSON rows and as a report table for the files: the same rounded figures the page shows.</summary>
public static class EvaluationReports
{
    public static Dictionary<string, object?> ToJson(EvaluationTable table, EvaluationRow row, string? role)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = row.Code, ["name"] = row.Name };
        if (role is not null)
        {
            json["role"] = role;
        }
        foreach (var column in table.Columns)
        {
            json[column.Key] = row.Values[column.Key];
        }
        json["composite"] = row.Composite;
        json["grade"] = row.GradeLetter;
        return json;
    }

    /// <summary>Headers in the reader's language: code, name, every column, and for graded scopes 综合指标值 and 等级.</summary>
    public static Export.ReportTable ToReport(EvaluationTable table, IStringLocalizer l)
    {
        var headers = new List<string> { l["Eval_code"], l["Eval_name"] };
        headers.AddRange(table.Columns.Select(c => (string)l["Eval_" + c.Key]));
        if (table.Graded)
        {
            headers.Add(l["Eval_composite"]);
            headers.Add(l["Eval_grade"]);
        }
        var rows = table.Rows.Select(r =>
        {
            var cells = new List<object?> { r.Code, r.Name };
            cells.AddRange(table.Columns.Select(c => (object?)r.Values[c.Key]));
            if (table.Graded)
            {
                cells.Add(r.Composite);
                cells.Add(r.GradeLetter);
            }
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new Export.ReportTable(l["EvalScope_" + table.Scope], headers, rows);
    }
}
