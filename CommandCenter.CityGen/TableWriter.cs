namespace CommandCenter.CityGen;

/// <summary>Writes the non-spatial tables: departments.json, categories.json, people.json.</summary>
internal static class TableWriter
{
    public static void WriteDepartments(string outputDir) =>
        GeoJsonFileWriter.WriteArray(Path.Combine(outputDir, "departments.json"), DepartmentTable.All, (w, d) =>
        {
            w.WriteString("code", d.Code);
            w.WriteString("name", d.Name);
            w.WriteString("nameEn", d.NameEn);
        });

    public static void WriteCategories(string outputDir, IReadOnlyList<Category> categories) =>
        GeoJsonFileWriter.WriteArray(Path.Combine(outputDir, "categories.json"), categories, (w, c) =>
        {
            w.WriteString("code", c.Code);
            w.WriteString("kind", c.Kind);
            w.WriteString("mainCode", c.MainCode);
            w.WriteString("subCode", c.SubCode);
            w.WriteString("name", c.Name);
            w.WriteString("nameEn", c.NameEn);
            w.WriteString("department", c.Department);
            w.WriteNumber("limitValue", c.LimitValue);
            w.WriteString("limitUnit", c.LimitUnit);
            w.WriteBoolean("sample", true);
        });

    public static void WritePeople(string outputDir, IReadOnlyList<Person> people) =>
        GeoJsonFileWriter.WriteArray(Path.Combine(outputDir, "people.json"), people, (w, p) =>
        {
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteString("role", p.Role);
            w.WriteString("phone", p.Phone);
            GeoJsonFileWriter.StringOrNull(w, "dutyGridCode", p.DutyGridCode);
            GeoJsonFileWriter.StringOrNull(w, "departmentCode", p.DepartmentCode);
        });
}
