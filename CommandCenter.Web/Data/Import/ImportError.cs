namespace CommandCenter.Web.Data.Import;

/// <summary>One problem found in the city data: which file, which feature, which field, and what is wrong.</summary>
public sealed record ImportError(string File, string Feature, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"{File} · {Feature}: {Message}" : $"{File} · {Feature} · {Field}: {Message}";
}
