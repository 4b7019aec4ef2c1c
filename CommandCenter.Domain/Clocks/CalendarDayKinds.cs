namespace CommandCenter.Domain.Clocks;

/// <summary>The slugs of <see cref="CalendarDayKind"/> used in calendar files, the database and the API.</summary>
public static class CalendarDayKinds
{
    public static string Slug(this CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "holiday" : "workday";

    /// <summary>Reads "holiday" or "workday", in any letter case.</summary>
    public static bool TryParse(string? slug, out CalendarDayKind kind)
    {
        foreach (var k in Enum.GetValues<CalendarDayKind>())
        {
            if (string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
