namespace CommandCenter.CityGen;

internal sealed record Department(string Code, string Name, string NameEn);

/// <summary>Handling departments (处置部门) that categories default to.</summary>
internal static class DepartmentTable
{
    public static readonly IReadOnlyList<Department> All =
    [
        new("sanitation", "市容环卫", "Sanitation"),
        new("enforcement", "城管执法", "Urban management enforcement"),
        new("landscaping", "园林绿化", "Landscaping"),
        new("municipal", "市政设施", "Municipal facilities"),
        new("traffic", "交通", "Traffic"),
        new("housing", "住建", "Housing and construction"),
        new("water", "供水", "Water supply"),
        new("gas", "燃气", "Gas"),
        new("power", "供电", "Power supply"),
        new("telecom", "通信", "Telecommunications"),
    ];
}
