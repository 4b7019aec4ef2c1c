using CommandCenter.Web.Data.Accounts;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Auth;

/// <summary>
/// Demo accounts for every role, made from the demo city's people: <c>intake</c>, <c>shiftlead</c>, <c>dispatcher</c>,
/// <c>handler</c> (市容环卫) and <c>handler-{department}</c>, <c>gridmember</c> and <c>gridmember-{n}</c> (one per duty grid),
/// <c>roaddirector</c>, <c>leader</c>, <c>admin</c>, and the other desk staff as <c>intake-2</c>, <c>shiftlead-2</c>, <c>dispatcher-2</c> …; all with the password <c>Demo:Password</c> (default Demo#2026).
/// </summary>
public sealed class DemoUserSeeder(CommandCenterDb db, IConfiguration config, ILogger<DemoUserSeeder> logger)
{
    public const string DefaultPassword = "Demo#2026";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }
        var password = config["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;
        var hasher = new PasswordHasher<UserAccountRow>();
        var people = await db.People.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
        var dutyGrids = await db.DutyGrids.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var users = new List<UserAccountRow>();

        void Add(string userName, string role, Data.City.PersonRow? person, string? dutyGrid = null, string? department = null)
        {
            var user = new UserAccountRow
            {
                UserName = userName, DisplayName = person?.Name ?? userName, PasswordHash = "", Roles = [role],
                DutyGridCode = dutyGrid, DepartmentCode = department, PersonId = person?.Id,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            users.Add(user);
        }

        foreach (var role in new[] { Role.Intake, Role.ShiftLead, Role.Dispatcher, Role.RoadDirector, Role.Leader, Role.Admin })
        {
            Add(role.Slug(), role.Slug(), people.FirstOrDefault(x => x.Role == role.Slug()));
        }
        // The rest of the desk staff sign in too (intake-2 …), so each clerk's work is their own in the evaluation.
        foreach (var role in new[] { Role.Intake, Role.ShiftLead, Role.Dispatcher })
        {
            var staff = people.Where(x => x.Role == role.Slug()).ToList();
            for (var i = 1; i < staff.Count; i++)
            {
                Add($"{role.Slug()}-{i + 1}", role.Slug(), staff[i]);
            }
        }
        for (var i = 0; i < dutyGrids.Count; i++)
        {
            var grid = dutyGrids[i];
            var member = people.FirstOrDefault(x => x.Id == grid.MemberId);
            Add(i == 0 ? "gridmember" : $"gridmember-{i + 1}", Role.GridMember.Slug(), member, dutyGrid: grid.Code);
        }
        foreach (var department in departments)
        {
            var handler = people.FirstOrDefault(x => x.Role == "handler" && x.DepartmentCode == department.Code);
            Add($"handler-{department.Code}", Role.Handler.Slug(), handler, department: department.Code);
            if (department.Code == "sanitation")
            {
                Add("handler", Role.Handler.Slug(), handler, department: department.Code);
            }
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo users (password from Demo:Password)", users.Count);
    }
}
