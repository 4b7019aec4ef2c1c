using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Alerts;

/// <summary>
/// Who an alert is for, as an address: a person ("person:P0117" — a street chief, the road director), a department's
/// handlers ("dept:water"), a kiosk's staff ("kiosk:K01"), or everyone in a role ("role:leader"). An alert reaches the
/// signed-in people whose addresses include its recipient — never everyone.
/// </summary>
public static class AlertAudience
{
    public static string Person(string personId) => $"person:{personId}";

    public static string Department(string departmentCode) => $"dept:{departmentCode}";

    public static string Kiosk(string kioskId) => $"kiosk:{kioskId}";

    public static string RoleOf(Role role) => $"role:{role.Slug()}";

    /// <summary>Every address the person answers to now.</summary>
    public static IReadOnlyList<string> AddressesOf(Actor actor)
    {
        var addresses = new List<string> { $"user:{actor.UserName}" };
        if (actor.PersonId is { } person)
        {
            addresses.Add(Person(person));
        }
        if (actor.Has(Role.Handler) && actor.DepartmentCode is { } department)
        {
            addresses.Add(Department(department));
        }
        if (actor.KioskId is { } kiosk)
        {
            addresses.Add(Kiosk(kiosk));
        }
        addresses.AddRange(actor.Roles.Select(RoleOf));
        return addresses;
    }

    public static bool IsFor(Actor actor, string recipient) => AddressesOf(actor).Contains(recipient);
}
