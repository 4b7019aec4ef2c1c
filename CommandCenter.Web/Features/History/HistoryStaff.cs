using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.History;

/// <summary>The people whose hands the history passes through: the demo accounts, by role, duty grid and department.</summary>
public sealed record HistoryStaff(
    IReadOnlyList<Actor> Intake,
    IReadOnlyList<Actor> ShiftLeads,
    IReadOnlyList<Actor> Dispatchers,
    Actor? RoadDirector,
    IReadOnlyDictionary<string, Actor> GridMembers,
    IReadOnlyDictionary<string, Actor> Handlers)
{
    public static Actor System => Cases.ClockWatcher.SystemActor;

    public static async Task<HistoryStaff> LoadAsync(CommandCenterDb db, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var actors = users.Select(u => new Actor(u.UserName, u.DisplayName,
            u.Roles.Select(r => RoleSlugs.TryParse(r, out var role) ? (Role?)role : null).OfType<Role>().ToHashSet(),
            u.DutyGridCode, u.DepartmentCode, u.PersonId)).ToList();
        // Numbered accounts after the plain one: intake, intake-2, intake-3 …
        List<Actor> Of(Role role) => actors.Where(a => a.Has(role) && a.Roles.Count == 1)
            .OrderBy(a => a.UserName.Length).ThenBy(a => a.UserName, StringComparer.Ordinal).ToList();
        var staff = new HistoryStaff(Of(Role.Intake), Of(Role.ShiftLead), Of(Role.Dispatcher), Of(Role.RoadDirector).FirstOrDefault(),
            Of(Role.GridMember).Where(a => a.DutyGridCode is not null).GroupBy(a => a.DutyGridCode!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            Of(Role.Handler).Where(a => a.DepartmentCode is not null).GroupBy(a => a.DepartmentCode!)
                .ToDictionary(g => g.Key, g => g.OrderBy(a => a.UserName.StartsWith("handler-", StringComparison.Ordinal) ? 0 : 1).First(), StringComparer.Ordinal));
        if (staff.Intake.Count == 0 || staff.ShiftLeads.Count == 0 || staff.Dispatchers.Count == 0 || staff.GridMembers.Count == 0 || staff.Handlers.Count == 0)
        {
            throw new InvalidOperationException("The demo accounts are missing (intake, shift lead, dispatcher, grid members, handlers): start the app once to seed them.");
        }
        return staff;
    }
}
