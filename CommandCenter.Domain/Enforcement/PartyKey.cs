namespace CommandCenter.Domain.Enforcement;

/// <summary>
/// 当事人: the party an offence history is kept for. Unregistered parties are keyed by their plate or description,
/// normalised (trimmed, upper-case, no spaces or dashes) so "苏A-12 345" and "苏a12345" are the same party.
/// Text form "vendor:V0012", "merchant:M0301", "unregistered:苏A12345".
/// </summary>
public readonly record struct PartyKey(PartyKind Kind, string Value)
{
    public static PartyKey Vendor(string vendorId) => new(PartyKind.Vendor, vendorId.Trim());

    public static PartyKey Merchant(string merchantId) => new(PartyKind.Merchant, merchantId.Trim());

    public static PartyKey Unregistered(string plateOrDescription) => new(PartyKind.Unregistered, Normalise(plateOrDescription));

    /// <summary>Trim, upper-case (invariant), and drop whitespace and dashes (ASCII and full-width).</summary>
    public static string Normalise(string plateOrDescription) =>
        string.Concat(plateOrDescription.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－' or '–' or '—')));

    public static bool TryParse(string? text, out PartyKey key)
    {
        key = default;
        var colon = text?.IndexOf(':') ?? -1;
        if (colon <= 0 || colon == text!.Length - 1)
        {
            return false;
        }
        var value = text[(colon + 1)..];
        switch (text[..colon].Trim().ToLowerInvariant())
        {
            case "vendor": key = Vendor(value); break;
            case "merchant": key = Merchant(value); break;
            case "unregistered": key = Unregistered(value); break;
            default: return false;
        }
        return key.Value.Length > 0;
    }

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";
}
