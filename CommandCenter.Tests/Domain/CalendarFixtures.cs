using CommandCenter.Domain.Clocks;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Domain;

/// <summary>China's real 2026 holiday calendar (shared/calendar/cn-2026.csv) and a Shanghai working calendar built from it.</summary>
public static class CalendarFixtures
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// The shared folder sits beside the repository (../shared); a git worktree elsewhere falls back to /work/shared.
    /// </summary>
    public static string Cn2026Path { get; } =
        new[] { Path.Combine(RepoPaths.Root, "..", "shared"), "/work/shared" }
            .Select(dir => Path.GetFullPath(Path.Combine(dir, "calendar", "cn-2026.csv")))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("shared/calendar/cn-2026.csv not found beside the repository or in /work/shared");

    public static string Cn2026Text => File.ReadAllText(Cn2026Path);

    public static CalendarFile Cn2026 { get; } = CalendarFile.TryParse(File.ReadAllText(Cn2026Path), out var file, out _)
        ? file
        : throw new InvalidDataException("cn-2026.csv does not read");

    /// <summary>08:30–12:00 and 14:00–17:30, Monday to Friday, with 2026's holidays and 调休 make-up days.</summary>
    public static SlaClock Clock2026 { get; } = new(new WorkingCalendar(Shanghai, holidays: Cn2026.Holidays, makeUpDays: Cn2026.MakeUpDays));

    /// <summary>A local Shanghai time in 2026 as an instant.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));
}
