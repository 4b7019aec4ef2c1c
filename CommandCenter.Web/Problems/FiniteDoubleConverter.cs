using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Web.Problems;

/// <summary>
/// Reads JSON numbers into doubles only when they are finite: 1e400 would otherwise arrive as infinity and slip past
/// checks that only look at the sign. The refusal names the field like any other type error.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : reader.GetDouble();
        return double.IsFinite(value) ? value : throw new JsonException("Either the JSON value is not in a supported format, or is out of bounds for a Double.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
