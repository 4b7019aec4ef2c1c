using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Domain;

/// <summary>People and cases for workflow tests: one duty grid (DG-1), the 市容环卫 department, a Shanghai calendar.</summary>
public static class CaseFixtures
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly SlaClock Clock = new(new WorkingCalendar(Shanghai));
    /// <summary>暴露垃圾: 4 working hours.</summary>
    public static readonly CaseRules Rules = new(Clock, StepLimits.Defaults, TimeLimit.WorkingHours(4));

    /// <summary>Tuesday 24 November 2026, 09:00 in Nanjing.</summary>
    public static readonly DateTimeOffset Tuesday9 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    public static Actor GridMember => new("gridmember", "网格员", new HashSet<Role> { Role.GridMember }, DutyGridCode: "DG-1");
    public static Actor OtherGridMember => new("gridmember2", "网格员2", new HashSet<Role> { Role.GridMember }, DutyGridCode: "DG-2");
    public static Actor Intake => new("intake", "受理员", new HashSet<Role> { Role.Intake });
    public static Actor ShiftLead => new("shiftlead", "值班长", new HashSet<Role> { Role.ShiftLead });
    public static Actor Dispatcher => new("dispatcher", "派遣员", new HashSet<Role> { Role.Dispatcher });
    public static Actor Handler => new("handler", "处置人员", new HashSet<Role> { Role.Handler }, DepartmentCode: "sanitation");
    public static Actor WaterHandler => new("handler-water", "供水处置人员", new HashSet<Role> { Role.Handler }, DepartmentCode: "water");
    public static Actor RoadDirector => new("roaddirector", "马路局长", new HashSet<Role> { Role.RoadDirector });
    public static Actor Leader => new("leader", "领导", new HashSet<Role> { Role.Leader });
    public static Actor Admin => new("admin", "管理员", new HashSet<Role> { Role.Admin });
    public static Actor System => new("system", "系统", new HashSet<Role> { Role.System });
    public static Actor Citizen => new("citizen", "市民", new HashSet<Role> { Role.Citizen });

    public static IReadOnlyList<Actor> Everyone => [GridMember, Intake, ShiftLead, Dispatcher, Handler, RoadDirector, Leader, Admin, System, Citizen];

    /// <summary>Every field any action needs, valid.</summary>
    public static CaseActionInput FullInput => new()
    {
        Note = "说明", PhotoIds = [Guid.NewGuid(), Guid.NewGuid()], Department = "water", Reason = "duplicate",
        MasterCaseId = Guid.NewGuid(), Extension = 2, Resolution = Resolution721.Service,
    };

    public static Case NewCase(CaseState state, CaseSource source = CaseSource.Patrol, string? department = "sanitation")
    {
        var c = new Case
        {
            Id = Guid.NewGuid(), Number = "202611240001", State = state, CategoryCode = "20102", Source = source,
            Description = "暴露垃圾", Location = new Point(118.78, 32.04) { SRID = 4326 }, GridCode = "320102003002001",
            DutyGridCode = "DG-1", CommunityCode = "320102003002", SubdistrictCode = "320102003",
            DepartmentCode = department, ReportedAt = Tuesday9.AddHours(-1), UpdatedAt = Tuesday9.AddHours(-1),
        };
        // Cases in the handling steps carry a running handling clock, as the dispatch would have left them.
        if (state is CaseState.Dispatched or CaseState.Returned or CaseState.ShelveRequested or CaseState.Shelved or CaseState.Handled)
        {
            c.ClockStep = CaseStep.Handle;
            c.StepStartedAt = Tuesday9.AddMinutes(-30);
            c.StepLimitValue = 4;
            c.StepLimitUnit = LimitUnit.WorkingHours;
            c.StepDeadline = Clock.Deadline(c.StepStartedAt.Value, TimeLimit.WorkingHours(4));
            c.DispatchCount = 1;
        }
        return c;
    }
}
