namespace CommandCenter.CityGen;

/// <summary>
/// Demo staff: desk roles, handlers per department, one 网格员 per 责任网格 and one chief per street.
/// Names and phones are fictitious (<see cref="DemoNames"/>).
/// </summary>
internal static class PeopleBuilder
{
    private static readonly (string Role, int Count)[] DeskRoles =
    [
        ("admin", 2), ("leader", 3), ("roaddirector", 2), ("intake", 4), ("shiftlead", 3), ("dispatcher", 3),
    ];

    public static List<Person> Build(IReadOnlyList<DutyGrid> dutyGrids, IReadOnlyList<NamedStreet> streets, DemoNames names)
    {
        var people = new List<Person>();
        string NextId() => $"P{people.Count + 1:0000}";

        foreach (var (role, count) in DeskRoles)
        {
            for (var i = 0; i < count; i++)
            {
                var id = NextId();
                people.Add(new Person(id, names.PersonName(id), role, names.Mobile(id), null, null));
            }
        }

        foreach (var dept in DepartmentTable.All)
        {
            // The two busiest departments get a third handler.
            var count = dept.Code is "sanitation" or "enforcement" ? 3 : 2;
            for (var i = 0; i < count; i++)
            {
                var id = NextId();
                people.Add(new Person(id, names.PersonName(id), "handler", names.Mobile(id), null, dept.Code));
            }
        }

        foreach (var duty in dutyGrids)
        {
            var id = NextId();
            var member = new Person(id, names.PersonName(id), "gridmember", names.Mobile(id), duty.Code, null);
            duty.MemberId = member.Id;
            duty.MemberName = member.Name;
            people.Add(member);
        }

        foreach (var street in streets)
        {
            // Street chiefs are street-office cadres: the number on the 公示牌 is an office line.
            var id = NextId();
            var chief = new Person(id, names.PersonName(id), "streetchief", names.Office(id), null, null);
            street.Chief = chief;
            people.Add(chief);
        }

        return people;
    }
}
