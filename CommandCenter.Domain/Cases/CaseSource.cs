namespace CommandCenter.Domain.Cases;

/// <summary>How a case reached the centre (案件来源).</summary>
public enum CaseSource
{
    /// <summary>网格员巡查.</summary>
    Patrol,
    /// <summary>12319 / 12345 hotline.</summary>
    Hotline,
    /// <summary>随手拍 / Open311 citizen report.</summary>
    Public,
    /// <summary>视频 (camera).</summary>
    Video,
    /// <summary>领导交办.</summary>
    Leader,
    /// <summary>督查检查.</summary>
    Inspection,
    /// <summary>马路局长.</summary>
    RoadDirector,
    /// <summary>驿站 / kiosk.</summary>
    Kiosk,
}
