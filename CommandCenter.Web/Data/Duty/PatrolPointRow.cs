namespace CommandCenter.Web.Data.Duty;

/// <summary>One accepted GPS point of a patrol's track (WGS84, the phone's instant and accuracy).</summary>
public sealed class PatrolPointRow
{
    public long Id { get; set; }
    public Guid PatrolId { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateTimeOffset At { get; set; }
    public double? AccuracyM { get; set; }
}
