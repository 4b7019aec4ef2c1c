namespace CommandCenter.Domain.Intake;

/// <summary>The GeoReport v2 datatypes of a service-definition attribute.</summary>
public enum ServiceAttributeType
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}
