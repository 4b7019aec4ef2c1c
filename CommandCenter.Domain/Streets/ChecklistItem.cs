namespace CommandCenter.Domain.Streets;

/// <summary>One item of a street checklist and the category (domain.md §3) a failure of it is reported as.</summary>
public sealed record ChecklistItem(string Slug, string CategoryCode);
