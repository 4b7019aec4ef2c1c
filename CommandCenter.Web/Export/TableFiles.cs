using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace CommandCenter.Web.Export;

/// <summary>Excel (one sheet per table, via ClosedXML) and CSV (UTF-8 with BOM so Excel reads the Chinese, tables one after another) of report tables.</summary>
public static class TableFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] Xlsx(IEnumerable<ReportTable> tables)
    {
        using var workbook = new XLWorkbook();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Name, used));
            for (var c = 0; c < table.Headers.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Headers[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
                sheet.Column(c + 1).Width = c == 1 ? 28 : 12;
            }
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null: break;
                        case double d: cell.Value = d; break;
                        case long l: cell.Value = l; break;
                        case int i: cell.Value = i; break;
                        case var other: cell.Value = Convert.ToString(other, CultureInfo.InvariantCulture); cell.DataType = XLDataType.Text; break;
                    }
                }
            }
            sheet.SheetView.FreezeRows(1);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<ReportTable> tables)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var table in tables)
        {
            if (!first)
            {
                sb.Append("\r\n");
            }
            first = false;
            sb.Append(Field(table.Name)).Append("\r\n");
            sb.AppendJoin(',', table.Headers.Select(Field)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                sb.AppendJoin(',', row.Select(v => v switch
                {
                    null => "",
                    double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => Field(v.ToString() ?? ""),
                })).Append("\r\n");
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name, each once per workbook.
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(ch => ":\\/?*[]".Contains(ch) ? '_' : ch).ToArray());
        clean = clean.Length > 28 ? clean[..28] : clean;
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{clean}{i}";
        }
        return candidate;
    }
}
