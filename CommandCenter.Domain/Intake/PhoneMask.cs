namespace CommandCenter.Domain.Intake;

/// <summary>来电号码脱敏: how a caller's phone shows in lists (138****5678); the full number only on the case itself.</summary>
public static class PhoneMask
{
    /// <summary>Digits between the first three and the last four characters become '*'; short numbers keep their last two digits.</summary>
    public static string? Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var chars = phone.Trim().ToCharArray();
        var (keepHead, keepTail) = chars.Length >= 8 ? (3, 4) : (0, 2);
        for (var i = keepHead; i < chars.Length - keepTail; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = '*';
            }
        }
        return new string(chars);
    }
}
