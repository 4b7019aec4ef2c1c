namespace CommandCenter.Domain.Streets;

/// <summary>街长 / 巷长: whether the chief looks after a street or a lane (domain.md §7.1).</summary>
public enum StreetChiefLevel
{
    /// <summary>街长: a main or secondary street.</summary>
    Street,
    /// <summary>巷长: a back street or lane.</summary>
    Lane,
}
