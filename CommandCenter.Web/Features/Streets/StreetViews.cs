namespace CommandCenter.Web.Features.Streets;

/// <summary>A person named in a chief assignment (supervisor, deputy).</summary>
public sealed record PersonRef(string Id, string Name);

/// <summary>The chief in charge of a street (or one recorded assignment of it): who, how to reach them, since when, at which levels.</summary>
public sealed record ChiefView(
    string PersonId, string Name, string Phone, DateOnly Since, string Level, int RoadChiefLevel,
    PersonRef? Supervisor, IReadOnlyList<PersonRef> Deputies, string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>A street as the list shows it: its chief now and its open and overdue cases (within the reader's scope).</summary>
public sealed record StreetSummary(
    string Id, string Name, string Level, string RoadClass, double LengthM, string? SubdistrictCode, ChiefView? Chief, int OpenCases, int OverdueCases);

/// <summary>Body of <c>PUT /api/streets/{id}/chief</c>: the person and the local date they take charge; the rest defaults to the current assignment.</summary>
public sealed record AssignChiefRequest(
    string? PersonId, DateOnly? From, string? Level = null, int? RoadChiefLevel = null, string? SupervisorPersonId = null,
    string[]? DeputyPersonIds = null);
