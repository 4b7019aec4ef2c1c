namespace CommandCenter.Domain.Cases;

/// <summary>How a case reached the centre (案件来源, domain.md §4.1).</summary>
public enum CaseSource
{
    /// <summary>网格员巡查 (信息采集).</summary>
    Patrol,
    /// <summary>12319 城管热线.</summary>
    Hotline12319,
    /// <summary>12345 政务服务热线.</summary>
    Hotline12345,
    /// <summary>随手拍: a citizen's photo report on our own page.</summary>
    Public,
    /// <summary>Open311: a report from an external 311 client.</summary>
    Open311,
    /// <summary>视频发现 (camera).</summary>
    Video,
    /// <summary>领导交办.</summary>
    Leader,
    /// <summary>督查检查.</summary>
    Inspection,
    /// <summary>马路局长 on patrol.</summary>
    RoadDirector,
    /// <summary>驿站 / kiosk.</summary>
    Kiosk,
}
