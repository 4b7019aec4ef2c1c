namespace CommandCenter.CityGen;

/// <summary>A demo person of people.json.</summary>
internal sealed record Person(string Id, string Name, string Role, string Phone, string? DutyGridCode, string? DepartmentCode);
