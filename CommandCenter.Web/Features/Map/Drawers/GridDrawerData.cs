using CommandCenter.Domain.Geography;
using CommandCenter.Web.Features.Cases;

namespace CommandCenter.Web.Features.Map.Drawers;

/// <summary>What the grid drawer shows: the grid, its chain, its member and its open cases.</summary>
public sealed record GridDrawerData(UnitGrid Grid, string? Community, string? Subdistrict, DutyGrid? Duty, int Open, int Overdue, IReadOnlyList<CaseSummary> Cases);
