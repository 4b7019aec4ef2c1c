using System.Diagnostics.CodeAnalysis;

namespace CommandCenter.Domain.Geography;

/// <summary>
/// 单元网格编码: 6-digit district + 3-digit 街道 + 3-digit 社区 + 3-digit sequence (15 digits, Beijing DB11 layout).
/// Codes are strings: leading zeros matter and they are never derived by counting.
/// </summary>
public readonly record struct GridCode
{
    public const int Length = 15;

    private GridCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>区县 code, e.g. 320102.</summary>
    public string DistrictCode => Value[..6];

    /// <summary>街道 code (9 digits), e.g. 320102003.</summary>
    public string SubdistrictCode => Value[..9];

    /// <summary>社区 code (12 digits), e.g. 320102003002.</summary>
    public string CommunityCode => Value[..12];

    /// <summary>Sequence within the community, numbered west→east then north→south.</summary>
    public int Sequence => int.Parse(Value.AsSpan(12), provider: System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out GridCode? code)
    {
        code = null;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        // Street segment 000 and sequence 000 are never issued.
        if (text[6..9] == "000" || text[12..] == "000")
        {
            return false;
        }
        code = new GridCode(text);
        return true;
    }

    public static GridCode Parse(string text) =>
        TryParse(text, out var code) ? code.Value : throw new FormatException($"'{text}' is not a 15-digit unit grid code.");

    /// <summary>Builds the code of the n-th grid of a community.</summary>
    public static GridCode For(string communityCode, int sequence)
    {
        if (communityCode.Length != 12 || !communityCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{communityCode}' is not a 12-digit community code.", nameof(communityCode));
        }
        if (sequence is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "顺序码已满: a community holds at most 999 unit grids.");
        }
        return new GridCode(communityCode + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => Value;
}
