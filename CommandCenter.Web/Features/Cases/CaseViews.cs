namespace CommandCenter.Web.Features.Cases;

/// <summary>A case as lists and the map show it.</summary>
public sealed record CaseSummary(
    Guid Id, string Number, string Status, string StatusName, string Category, string CategoryName, string Source,
    string Description, string? Address, double Lon, double Lat, string GridCode, string DutyGridCode, string? Department,
    string? DepartmentName, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, bool Overdue,
    string? TimingLevel, int Supervision, int Version);

/// <summary>The running step clock of a case.</summary>
public sealed record CaseClockView(
    string Step, DateTimeOffset StartedAt, DateTimeOffset Deadline, double Limit, string Unit, double Used,
    double OvertimeMultiple, string Level, bool Overdue, bool Paused);

/// <summary>One audit line of the timeline.</summary>
public sealed record CaseEventView(
    long Seq, string Action, string ActionName, string? From, string To, string ToName, string Actor, string ActorRole,
    DateTimeOffset At, string? Note, Guid[] PhotoIds, string? Department, DateTimeOffset? Deadline, bool? OnTime);

/// <summary>Everything the case page shows: the case, its clock, its timeline and what the caller may do now.</summary>
public sealed record CaseDetail(
    CaseSummary Case, string? Reporter, string CommunityCode, string SubdistrictCode, string? StreetName, string? StreetChief,
    CaseClockView? Clock, bool? HandlingOnTime, int DispatchCount, int ReturnCount, int ReworkCount, int ExtensionCount,
    double? PendingExtension, Guid? MasterCaseId, string? RejectionReason, string? Resolution,
    IReadOnlyList<CaseEventView> Timeline, IReadOnlyList<string> AllowedActions);

/// <summary>A page of cases.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Total, int Page, int PageSize);

/// <summary>Filters of the case list (all optional).</summary>
public sealed record CaseFilter(
    string[]? Status = null, string? Category = null, string? Source = null, string? Grid = null, string? DutyGrid = null,
    string? Department = null, bool? Overdue = null, string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>A department to choose when dispatching.</summary>
public sealed record DepartmentOption(string Code, string Name);
