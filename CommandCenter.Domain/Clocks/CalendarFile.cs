using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Clocks;

/// <summary>
/// 节假日安排文件: one year's holidays and make-up workdays as CSV with the header <c>date,kind,name</c>
/// (ISO dates, kind <c>holiday</c> or <c>workday</c>), the shape of shared/calendar/cn-2026.csv.
/// All days are in one <see cref="Year"/>: importing the file replaces that year's days.
/// Refusals name a line as <c>lines[i]</c>, counting from 0 at the header, so <c>lines[6].date</c> is the date on the
/// seventh line a text editor shows; the first argument of every refusal of a line is that editor line number (7).
/// </summary>
public sealed record CalendarFile(int Year, IReadOnlyList<CalendarDay> Days)
{
    public const string Header = "date,kind,name";
    public const int MaxRows = 400;
    public const int MaxNameLength = 50;

    private static readonly string[] Columns = ["date", "kind", "name"];

    public IEnumerable<DateOnly> Holidays => Days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date);

    public IEnumerable<DateOnly> MakeUpDays => Days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date);

    /// <summary>
    /// Reads a calendar file (UTF-8 text, with or without a byte-order mark, CRLF or LF line ends; blank lines are skipped).
    /// On refusal <paramref name="file"/> is null and <paramref name="errors"/> lists every problem found.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CalendarFile? file, out IReadOnlyList<FieldError> errors)
    {
        file = null;
        var refusals = new List<FieldError>();
        errors = refusals;
        var lines = (text.StartsWith('\uFEFF') ? text[1..] : text).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (SplitFields(lines[0]) is not { } header
            || !header.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            refusals.Add(new FieldError("lines[0]", "CalendarHeader", 1, Header));
            return false;
        }
        var rows = Enumerable.Range(1, lines.Length - 1).Where(i => !string.IsNullOrWhiteSpace(lines[i])).ToList();
        if (rows.Count == 0)
        {
            refusals.Add(new FieldError("lines", "CalendarEmpty"));
            return false;
        }
        if (rows.Count > MaxRows)
        {
            refusals.Add(new FieldError("lines", "CalendarTooManyRows", MaxRows, rows.Count));
            return false;
        }

        var days = new List<CalendarDay>();
        var firstLineOf = new Dictionary<DateOnly, int>();
        int? year = null;
        foreach (var i in rows)
        {
            var lineNumber = i + 1;
            var at = $"lines[{i}]";
            var fields = SplitFields(lines[i]);
            if (fields is null)
            {
                refusals.Add(new FieldError(at, "CalendarQuote", lineNumber));
                continue;
            }
            if (fields.Count != Columns.Length)
            {
                refusals.Add(new FieldError(at, "CalendarColumns", lineNumber, Columns.Length, fields.Count));
                continue;
            }
            var (dateText, kindText, name) = (fields[0], fields[1], fields[2]);
            var before = refusals.Count;

            var dateRead = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!dateRead)
            {
                refusals.Add(new FieldError($"{at}.date", "CalendarDate", lineNumber, dateText));
            }
            else if (firstLineOf.TryGetValue(date, out var firstLine))
            {
                refusals.Add(new FieldError($"{at}.date", "CalendarDuplicateDate", lineNumber, dateText, firstLine));
            }
            else
            {
                firstLineOf[date] = lineNumber;
                year ??= date.Year;
                if (date.Year != year)
                {
                    refusals.Add(new FieldError($"{at}.date", "CalendarOtherYear", lineNumber, dateText, year.Value));
                }
            }

            if (!CalendarDayKinds.TryParse(kindText, out var kind))
            {
                refusals.Add(new FieldError($"{at}.kind", "CalendarKind", lineNumber, kindText));
            }
            else if (dateRead && kind == CalendarDayKind.Workday && WorkingCalendar.DefaultWorkdays.Contains(date.DayOfWeek))
            {
                // 调休上班 moves work onto a weekend day; a weekday is a workday already.
                refusals.Add(new FieldError($"{at}.kind", "CalendarWorkdayOnWeekday", lineNumber, dateText));
            }

            if (name.Length == 0)
            {
                refusals.Add(new FieldError($"{at}.name", "CalendarNameMissing", lineNumber));
            }
            else if (name.Length > MaxNameLength)
            {
                refusals.Add(new FieldError($"{at}.name", "CalendarNameTooLong", lineNumber, MaxNameLength));
            }

            if (refusals.Count == before)
            {
                days.Add(new CalendarDay(date, kind, name));
            }
        }
        if (refusals.Count > 0)
        {
            return false;
        }
        file = new CalendarFile(year!.Value, days.OrderBy(d => d.Date).ToList());
        return true;
    }

    /// <summary>Writes days in the file's shape, in date order, with LF line ends: what <see cref="TryParse"/> reads back.</summary>
    public static string Write(IEnumerable<CalendarDay> days)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var day in days.OrderBy(d => d.Date))
        {
            var name = day.Name.Contains(',') || day.Name.Contains('"') ? $"\"{day.Name.Replace("\"", "\"\"")}\"" : day.Name;
            text.Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(day.Kind.Slug()).Append(',').Append(name).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The comma-separated fields of one line, trimmed; a field may be double-quoted ("" is a quote). Null when a quote is left open.</summary>
    private static List<string>? SplitFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            return null;
        }
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
