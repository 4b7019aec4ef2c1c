namespace CommandCenter.Web.Features.Citizen;

/// <summary>The two response formats of GeoReport v2, chosen by the resource's extension (<c>services.xml</c>, <c>services.json</c>).</summary>
public enum GeoReportFormat
{
    Json,
    Xml,
}
