namespace CommandCenter.Web.Features.Cases;

/// <summary>A case as lists, queues and the map show it; names are slugs the screen words in its language.</summary>
public sealed record CaseSummary(
    Guid Id, string Number, string Status, string Stage, string Category, string CategoryName, string Source,
    string Description, string? Address, double Lon, double Lat, string GridCode, string DutyGridCode, string? Department,
    string? DepartmentName, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, bool Overdue,
    string? TimingLevel, int Supervision, string[] Flags, int Version);

/// <summary>The running step clock of a case.</summary>
public sealed record CaseClockView(
    string Step, DateTimeOffset StartedAt, DateTimeOffset Deadline, double Limit, string Unit, double Used,
    double OvertimeMultiple, string Level, bool Overdue, bool Paused);

/// <summary>One audit line of the timeline: the action, the clock after it, and the step it finished (deadline, on time).</summary>
public sealed record CaseEventView(
    long Seq, string Action, string? From, string To, string Category, string Actor, string ActorRole, DateTimeOffset At, string? Note, Guid[] PhotoIds,
    string? Department, string? Step, DateTimeOffset? Deadline, string? FinishedStep, DateTimeOffset? FinishedDeadline, bool? OnTime,
    double? ReminderAt);

/// <summary>An action the caller may take now and what its form must ask for (from the workflow table).</summary>
public sealed record AllowedAction(string Action, IReadOnlyList<Domain.Cases.ActionInputNeed> Inputs);

/// <summary>Everything the case page shows: the case, its clock, its timeline and what the caller may do now.</summary>
public sealed record CaseDetail(
    CaseSummary Case, string? Reporter, string CommunityCode, string SubdistrictCode, string? StreetName, string? StreetChief,
    CaseClockView? Clock, bool? HandlingOnTime, int DispatchCount, int ReturnCount, int ReworkCount, int ExtensionCount,
    double? PendingExtension, string? PendingVoid, Guid? MasterCaseId, string? RejectionReason, string? Resolution,
    IReadOnlyList<CaseEventView> Timeline, IReadOnlyList<string> AllowedActions, IReadOnlyList<AllowedAction> Actions);

/// <summary>A page of cases.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Total, int Page, int PageSize);

/// <summary>A department to choose when dispatching.</summary>
public sealed record DepartmentOption(string Code, string Name);
