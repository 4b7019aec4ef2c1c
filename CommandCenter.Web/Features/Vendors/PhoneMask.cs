namespace CommandCenter.Web.Features.Vendors;

/// <summary>Phone numbers in lists: the first three and last four digits shown, the rest hidden (138****5678, 025-****0980).</summary>
public static class PhoneMask
{
    public static string? Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return phone;
        }
        var digits = phone.Count(char.IsAsciiDigit);
        if (digits <= 7)
        {
            return new string('*', phone.Length);
        }
        var seen = 0;
        return string.Concat(phone.Select(c =>
        {
            if (!char.IsAsciiDigit(c))
            {
                return c;
            }
            seen++;
            return seen <= 3 || seen > digits - 4 ? c : '*';
        }));
    }
}
