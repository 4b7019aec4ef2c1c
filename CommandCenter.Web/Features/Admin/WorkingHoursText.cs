using CommandCenter.Domain.Zones;

namespace CommandCenter.Web.Features.Admin;

/// <summary>Reads "HH:mm-HH:mm" working-hour windows (no midnight crossing) for the working calendar.</summary>
public static class WorkingHoursText
{
    public static (TimeOnly Start, TimeOnly End) Parse(string text)
    {
        var window = DailyWindow.Parse(text);
        if (window.CrossesMidnight || window.IsEmpty)
        {
            throw new FormatException($"工作时段 '{text}' 不能跨越午夜 / working hours cannot cross midnight");
        }
        return (window.Start, window.End);
    }
}
