using CommandCenter.Domain.Zones;

namespace CommandCenter.Web.Rules;

/// <summary>Reads "HH:mm-HH:mm" working-hour windows (no midnight crossing) for the working calendar.</summary>
public static class WorkingHoursText
{
    public static (TimeOnly Start, TimeOnly End) Parse(string text)
    {
        var window = DailyWindow.Parse(text);
        if (window.CrossesMidnight || window.IsEmpty)
        {
            throw new FormatException($"working hours '{text}' cannot cross midnight");
        }
        return (window.Start, window.End);
    }
}
