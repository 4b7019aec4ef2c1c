using CommandCenter.Domain.Validation;

namespace CommandCenter.Web.Problems;

/// <summary>
/// The checks every free-text field gets before it is stored: a length limit, and no NUL or other control
/// characters (PostgreSQL refuses NUL in text; the rest has no place in a name or an address).
/// </summary>
public static class TextInput
{
    public static FieldError? Check(string field, string? value, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? new FieldError(field, "Required") : null;
        }
        if (value.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            return new FieldError(field, "ControlCharacter");
        }
        return value.Length > maxLength ? new FieldError(field, "TooLong", maxLength) : null;
    }

    /// <summary>The fields that failed, of several checks.</summary>
    public static List<FieldError> Collect(params FieldError?[] checks) => checks.Where(c => c is not null).Select(c => c!).ToList();
}
