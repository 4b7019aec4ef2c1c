using CommandCenter.Domain.Cases;
using CommandCenter.Web.Live;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// The one definition of the case filters, for lists, queues, the map and the wall: as a query on the <c>cases</c>
/// table (<see cref="Apply"/>) and as a test of a live event (<see cref="Matches"/>), side by side so they cannot drift.
/// All fields optional; <see cref="OpenOnly"/> keeps the states a case can still move out of; <see cref="Pending"/>
/// keeps the cases with a request waiting for a decision ("extension" or "void").
/// </summary>
public sealed record CaseFilter(
    string[]? Status = null, string? Stage = null, string? Category = null, string? Source = null, string? Grid = null,
    string? DutyGrid = null, string? Department = null, bool? Overdue = null, string? Q = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, bool OpenOnly = false, string? Pending = null, int Page = 1, int PageSize = 50)
{
    public IQueryable<Case> Apply(IQueryable<Case> query, DateTimeOffset now)
    {
        if (States() is { } states)
        {
            query = query.Where(c => states.Contains(c.State));
        }
        if (Category is { Length: > 0 } category)
        {
            query = query.Where(c => c.CategoryCode.StartsWith(category));
        }
        if (Source is { Length: > 0 } && CaseSources.TryParse(Source, out var source))
        {
            query = query.Where(c => c.Source == source);
        }
        if (Grid is { Length: > 0 } grid)
        {
            query = query.Where(c => c.GridCode.StartsWith(grid));
        }
        if (DutyGrid is { Length: > 0 } dutyGrid)
        {
            query = query.Where(c => c.DutyGridCode == dutyGrid);
        }
        if (Department is { Length: > 0 } department)
        {
            query = query.Where(c => c.DepartmentCode == department);
        }
        if (Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null)
                : query.Where(c => c.StepDeadline == null || c.StepDeadline >= now || c.ClockPausedAt != null);
        }
        if (Q is { Length: > 0 } q)
        {
            var number = q.Trim();
            query = query.Where(c => c.Number.Contains(number));
        }
        if (From is { } from)
        {
            query = query.Where(c => c.ReportedAt >= from);
        }
        if (Pending == "extension")
        {
            query = query.Where(c => c.PendingExtension != null);
        }
        else if (Pending == "void")
        {
            query = query.Where(c => c.PendingVoid != null);
        }
        if (To is { } to)
        {
            query = query.Where(c => c.ReportedAt < to);
        }
        return query;
    }

    /// <summary>Whether the case, as this live event leaves it, passes the filter (the same rules as <see cref="Apply"/>).</summary>
    public bool Matches(CaseChangedMessage m)
    {
        var state = CaseStates.TryParse(m.Status, out var s) ? s : (CaseState?)null;
        return (States() is not { } states || (state is { } st && states.Contains(st)))
            && (Category is not { Length: > 0 } category || m.Category.StartsWith(category, StringComparison.Ordinal))
            && (Source is not { Length: > 0 } || !CaseSources.TryParse(Source, out var source) || m.Source == source.Slug())
            && (Grid is not { Length: > 0 } grid || m.GridCode.StartsWith(grid, StringComparison.Ordinal))
            && (DutyGrid is not { Length: > 0 } dutyGrid || m.DutyGrid == dutyGrid)
            && (Department is not { Length: > 0 } department || m.Department == department)
            && (Overdue is not { } overdue || m.Overdue == overdue)
            && (Q is not { Length: > 0 } q || m.Number.Contains(q.Trim(), StringComparison.Ordinal))
            && (From is not { } from || m.ReportedAt >= from)
            && (To is not { } to || m.ReportedAt < to)
            && (Pending is not ("extension" or "void") || m.Flags.Contains(Pending == "extension" ? CaseFlags.ExtensionRequestedSlug : CaseFlags.VoidRequestedSlug));
    }

    public const int MaxPage = 100_000;
    public const int MaxPageSize = 500;

    /// <summary>Refuses values no filter means: control characters, overlong texts, pages out of range.</summary>
    public IReadOnlyList<Domain.Validation.FieldError> Validate()
    {
        var errors = Problems.TextInput.Collect(
            Problems.TextInput.Check("q", Q, 32), Problems.TextInput.Check("grid", Grid, 32), Problems.TextInput.Check("dutyGrid", DutyGrid, 32),
            Problems.TextInput.Check("category", Category, 8), Problems.TextInput.Check("department", Department, 32),
            Problems.TextInput.Check("source", Source, 16), Problems.TextInput.Check("stage", Stage, 16), Problems.TextInput.Check("pending", Pending, 16),
            Problems.TextInput.Check("status", Status is null ? null : string.Join(",", Status), 400));
        if (Page is < 1 or > MaxPage)
        {
            errors.Add(new Domain.Validation.FieldError("page", "OutOfRange", 1, MaxPage));
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new Domain.Validation.FieldError("pageSize", "OutOfRange", 1, MaxPageSize));
        }
        return errors;
    }

    /// <summary>The filter as query-string values (only those set), for screens that ask the server with it.</summary>
    public IReadOnlyDictionary<string, string> ToQuery()
    {
        var q = new Dictionary<string, string>();
        void Set(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) q[key] = value;
        }
        Set("status", Status is { Length: > 0 } ? string.Join(",", Status) : null);
        Set("stage", Stage);
        Set("category", Category);
        Set("source", Source);
        Set("grid", Grid);
        Set("dutyGrid", DutyGrid);
        Set("department", Department);
        Set("overdue", Overdue?.ToString().ToLowerInvariant());
        Set("q", Q);
        Set("from", From?.ToString("O"));
        Set("to", To?.ToString("O"));
        Set("pending", Pending);
        return q;
    }

    /// <summary>The states the status, stage and open filters leave, or null when they leave all.</summary>
    private IReadOnlyList<CaseState>? States()
    {
        IEnumerable<CaseState>? states = null;
        if (Status is { Length: > 0 })
        {
            states = Status.Select(x => CaseStates.TryParse(x, out var st) ? (CaseState?)st : null).Where(x => x is not null).Select(x => x!.Value);
        }
        if (Stage is { Length: > 0 } && CaseStages.TryParse(Stage, out var stage))
        {
            states = (states ?? Enum.GetValues<CaseState>()).Where(x => x.StageOf() == stage);
        }
        if (OpenOnly)
        {
            states = (states ?? CaseStates.Open).Where(x => x.IsOpen());
        }
        return states?.Distinct().ToList();
    }
}
