using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Vendors;

/// <summary>What a registry edit did: the saved value, or why it was refused.</summary>
public sealed record RegistryResult<T>(T? Value, Refusal? Refused)
{
    public bool Succeeded => Refused is null;

    public static RegistryResult<T> Fail(Refusal refusal) => new(default, refusal);

    public static RegistryResult<T> Ok(T value) => new(value, null);
}
