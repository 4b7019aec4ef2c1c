namespace CommandCenter.Web.Export;

/// <summary>A table as a report shows it and a file carries it: a sheet name, headers and rows of text or numbers.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
