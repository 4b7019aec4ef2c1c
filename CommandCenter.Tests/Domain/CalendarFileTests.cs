using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;
using static CommandCenter.Tests.Domain.CalendarFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>Reading holiday calendar files: the real 2026 notice, and the ways an admin's file can be wrong.</summary>
public sealed class CalendarFileTests
{
    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [Fact]
    public void The_2026_notice_reads_as_33_holidays_and_6_make_up_workdays()
    {
        Assert.True(CalendarFile.TryParse(Cn2026Text, out var file, out var errors));
        Assert.Empty(errors);
        Assert.Equal(2026, file.Year);
        // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33; 调休 01-04, 02-14, 02-28, 05-09, 09-20, 10-10.
        Assert.Equal(33, file.Holidays.Count());
        Assert.Equal([Day(1, 4), Day(2, 14), Day(2, 28), Day(5, 9), Day(9, 20), Day(10, 10)], file.MakeUpDays);
    }

    [Fact]
    public void New_year_is_three_holidays_then_a_sunday_worked()
    {
        Assert.Equal(
            [
                new CalendarDay(Day(1, 1), CalendarDayKind.Holiday, "元旦"),
                new CalendarDay(Day(1, 2), CalendarDayKind.Holiday, "元旦"),
                new CalendarDay(Day(1, 3), CalendarDayKind.Holiday, "元旦"), // a Saturday: holidays on weekends are real
                new CalendarDay(Day(1, 4), CalendarDayKind.Workday, "元旦调休上班"),
            ],
            Cn2026.Days.Take(4));
        Assert.Equal(DayOfWeek.Saturday, Day(1, 3).DayOfWeek);
        Assert.Equal(DayOfWeek.Sunday, Day(1, 4).DayOfWeek);
    }

    [Fact]
    public void Spring_festival_is_nine_holidays_between_two_saturdays_worked()
    {
        var festival = Cn2026.Days.Where(d => d.Date >= Day(2, 14) && d.Date <= Day(2, 28)).ToList();
        Assert.Equal(Enumerable.Range(15, 9).Select(d => Day(2, d)), festival.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date));
        Assert.All(festival.Where(d => d.Kind == CalendarDayKind.Holiday), d => Assert.Equal("春节", d.Name));
        Assert.Equal([Day(2, 14), Day(2, 28)], festival.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));
        Assert.All(festival.Where(d => d.Kind == CalendarDayKind.Workday), d => Assert.Equal(DayOfWeek.Saturday, d.Date.DayOfWeek));
    }

    [Fact]
    public void Every_make_up_workday_of_2026_falls_on_a_weekend() =>
        Assert.All(Cn2026.MakeUpDays, d => Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));

    [Fact]
    public void The_working_calendar_built_from_the_file_skips_the_festival_and_works_its_saturdays()
    {
        var calendar = Clock2026.Calendar;
        Assert.True(calendar.IsWorkday(Day(2, 13)));  // Friday
        Assert.True(calendar.IsWorkday(Day(2, 14)));  // Saturday worked
        Assert.False(calendar.IsWorkday(Day(2, 16))); // Monday of the festival
        Assert.False(calendar.IsWorkday(Day(2, 23))); // last day of the festival, a Monday
        Assert.True(calendar.IsWorkday(Day(2, 24)));
        Assert.False(calendar.IsWorkday(Day(2, 21))); // an ordinary Saturday inside the festival
        Assert.True(calendar.IsWorkday(Day(2, 28)));  // Saturday worked
        Assert.False(calendar.IsWorkday(Day(3, 7)));  // an ordinary Saturday
    }

    [Fact]
    public void Writing_the_days_back_gives_the_same_file() =>
        Assert.Equal(Cn2026Text, CalendarFile.Write(Cn2026.Days));

    [Fact]
    public void A_file_saved_by_excel_with_a_byte_order_mark_crlf_and_blank_trailing_lines_reads_the_same()
    {
        var excel = "\uFEFF" + Cn2026Text.Replace("\n", "\r\n") + "\r\n\r\n";
        Assert.True(CalendarFile.TryParse(excel, out var file, out _));
        Assert.Equal(Cn2026.Days, file.Days);
    }

    [Fact]
    public void Quoted_fields_and_stray_spaces_are_read_and_a_name_with_a_comma_survives_a_round_trip()
    {
        const string text = "date,kind,name\n\"2026-05-01\", holiday ,\"劳动节, 五一\"\n2026-05-09,WORKDAY,\"劳动节\"\"调休\"\"上班\"\n";
        Assert.True(CalendarFile.TryParse(text, out var file, out _));
        Assert.Equal(
            [new CalendarDay(Day(5, 1), CalendarDayKind.Holiday, "劳动节, 五一"), new CalendarDay(Day(5, 9), CalendarDayKind.Workday, "劳动节\"调休\"上班")],
            file.Days);
        Assert.True(CalendarFile.TryParse(CalendarFile.Write(file.Days), out var again, out _));
        Assert.Equal(file.Days, again.Days);
    }

    [Fact]
    public void Rows_out_of_order_are_put_in_date_order()
    {
        const string text = "date,kind,name\n2026-10-10,workday,国庆节调休上班\n2026-10-01,holiday,国庆节\n";
        Assert.True(CalendarFile.TryParse(text, out var file, out _));
        Assert.Equal([Day(10, 1), Day(10, 10)], file.Days.Select(d => d.Date));
    }

    // Line 7 of the real file (lines[6]) is "2026-02-15,holiday,春节", line 6 (lines[5]) is "2026-02-14,workday,春节调休上班".
    public static TheoryData<string, string, string, string, string, object[]> BrokenFiles => new()
    {
        { "a wrong header", "date,kind,name\n", "date,type,name\n", "lines[0]", "CalendarHeader", [1, CalendarFile.Header] },
        { "no header at all", "date,kind,name\n", "", "lines[0]", "CalendarHeader", [1, CalendarFile.Header] },
        { "a day-first date", "2026-02-15,holiday", "15/02/2026,holiday", "lines[6].date", "CalendarDate", [7, "15/02/2026"] },
        { "a date that does not exist", "2026-02-15,holiday", "2026-02-30,holiday", "lines[6].date", "CalendarDate", [7, "2026-02-30"] },
        { "an unknown kind", "2026-02-15,holiday", "2026-02-15,vacation", "lines[6].kind", "CalendarKind", [7, "vacation"] },
        { "a missing name", "2026-02-15,holiday,春节", "2026-02-15,holiday,", "lines[6].name", "CalendarNameMissing", [7] },
        { "a blank name", "2026-02-15,holiday,春节", "2026-02-15,holiday,  ", "lines[6].name", "CalendarNameMissing", [7] },
        { "a name longer than 50", "2026-02-15,holiday,春节", "2026-02-15,holiday," + new string('春', 51), "lines[6].name", "CalendarNameTooLong", [7, 50] },
        { "a missing column", "2026-02-15,holiday,春节", "2026-02-15,春节", "lines[6]", "CalendarColumns", [7, 3, 2] },
        { "an extra column", "2026-02-15,holiday,春节", "2026-02-15,holiday,春节,除夕后", "lines[6]", "CalendarColumns", [7, 3, 4] },
        { "a quote left open", "2026-02-15,holiday,春节", "2026-02-15,holiday,\"春节", "lines[6]", "CalendarQuote", [7] },
        { "the same date twice", "2026-02-15,holiday", "2026-02-14,holiday", "lines[6].date", "CalendarDuplicateDate", [7, "2026-02-14", 6] },
        { "a make-up day on a friday", "2026-02-14,workday", "2026-02-13,workday", "lines[5].kind", "CalendarWorkdayOnWeekday", [6, "2026-02-13"] },
        { "a day of another year", "2026-10-10,workday,国庆节调休上班\n", "2026-10-10,workday,国庆节调休上班\n2027-01-01,holiday,元旦\n", "lines[40].date", "CalendarOtherYear", [41, "2027-01-01", 2026] },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_refused_naming_the_line_and_column(string story, string replace, string with, string field, string code, object[] args)
    {
        Assert.Contains(replace, Cn2026Text);
        var error = Assert.Single(Refusals(Cn2026Text.Replace(replace, with)));
        Assert.True(error.Field == field && error.Code == code, $"{story}: got {error.Field} {error.Code}");
        Assert.Equal(args, error.Args);
    }

    [Fact]
    public void A_name_of_exactly_50_characters_is_accepted() =>
        Assert.True(CalendarFile.TryParse($"date,kind,name\n2026-02-15,holiday,{new string('春', 50)}\n", out _, out _));

    [Fact]
    public void A_header_alone_is_refused_as_empty() =>
        Assert.Equal("CalendarEmpty", Assert.Single(Refusals("date,kind,name\n\n")).Code);

    [Fact]
    public void More_than_400_rows_are_refused_before_any_row_is_read()
    {
        var rows = string.Concat(Enumerable.Range(0, 401).Select(i => $"2026-01-01,holiday,行{i}\n"));
        var error = Assert.Single(Refusals("date,kind,name\n" + rows));
        Assert.Equal(("lines", "CalendarTooManyRows"), (error.Field, error.Code));
        Assert.Equal([400, 401], error.Args);
    }

    [Fact]
    public void Every_broken_line_is_reported_at_once_with_the_editor_line_number()
    {
        var text = Cn2026Text.Replace("2026-01-02,holiday,元旦", "2026-01-02,holliday,元旦").Replace("2026-04-05,holiday,清明节", "2026-04-31,holiday,");
        var errors = Refusals(text);
        // 2026-01-02 is on line 3 (lines[2]); 2026-04-05 on line 18 (lines[17]).
        Assert.Equal(
            [("lines[2].kind", "CalendarKind"), ("lines[17].date", "CalendarDate"), ("lines[17].name", "CalendarNameMissing")],
            errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([3, 18, 18], errors.Select(e => e.Args[0]));
    }

    [Fact]
    public void Blank_lines_in_the_middle_still_count_for_line_numbers()
    {
        var error = Assert.Single(Refusals("date,kind,name\r\n\r\n2026-13-01,holiday,元旦\r\n"));
        Assert.Equal("lines[2].date", error.Field);
        Assert.Equal(3, error.Args[0]);
    }

    private static IReadOnlyList<FieldError> Refusals(string text)
    {
        Assert.False(CalendarFile.TryParse(text, out var file, out var errors));
        Assert.Null(file);
        return errors;
    }
}
