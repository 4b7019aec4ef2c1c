using CommandCenter.Web.Data.Accounts;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Auth;

/// <summary>
/// Demo accounts for every role, made from the demo city's people: <c>intake</c>, <c>shiftlead</c>, <c>dispatcher</c>,
/// <c>handler</c> (市容环卫) and <c>handler-{department}</c>, <c>gridmember</c> and <c>gridmember-{n}</c> (one per duty grid),
/// <c>roaddirector</c>, <c>leader</c>, <c>admin</c> (and <c>roaddirector-2</c>, <c>leader-2</c> … for the other leaders on the
/// road-director roster, <c>intake-2</c>, <c>shiftlead-2</c>, <c>dispatcher-2</c> … for the other desk staff), <c>streetchief-{street}</c> for each street's chief (e.g. <c>streetchief-S001</c>); all with the password
/// <c>Demo:Password</c> (default Demo#2026). Accounts already there are left as they are; missing ones are added.
/// </summary>
public sealed class DemoUserSeeder(CommandCenterDb db, IConfiguration config, ILogger<DemoUserSeeder> logger)
{
    public const string DefaultPassword = "Demo#2026";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var existing = (await db.Users.AsNoTracking().Select(u => u.UserName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var password = config["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;
        var hasher = new PasswordHasher<UserAccountRow>();
        // One hash for every demo account: each costs ~60 ms of PBKDF2, and a city of 2,850 duty grids would take minutes.
        // The hash carries its own salt and does not depend on the user, so every account verifies against it alike.
        string? sharedHash = null;
        var people = await db.People.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
        var dutyGrids = await db.DutyGrids.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var users = new List<UserAccountRow>();

        void Add(string userName, string role, Data.City.PersonRow? person, string? dutyGrid = null, string? department = null)
        {
            if (existing.Contains(userName))
            {
                return;
            }
            var user = new UserAccountRow
            {
                UserName = userName, DisplayName = person?.Name ?? userName, PasswordHash = "", Roles = [role],
                DutyGridCode = dutyGrid, DepartmentCode = department, PersonId = person?.Id,
            };
            user.PasswordHash = sharedHash ??= hasher.HashPassword(user, password);
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
        // The other leaders who take a month as road director, and one account per street chief.
        foreach (var role in new[] { Role.RoadDirector, Role.Leader })
        {
            var more = people.Where(x => x.Role == role.Slug()).Skip(1).ToList();
            for (var i = 0; i < more.Count; i++)
            {
                Add($"{role.Slug()}-{i + 2}", role.Slug(), more[i]);
            }
        }
        foreach (var street in await db.Streets.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.ChiefId }).ToListAsync(ct))
        {
            Add($"{Role.StreetChief.Slug()}-{street.Id}", Role.StreetChief.Slug(), people.FirstOrDefault(x => x.Id == street.ChiefId));
        }
        if (users.Count == 0)
        {
            return;
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo users (password from Demo:Password)", users.Count);
    }
}
