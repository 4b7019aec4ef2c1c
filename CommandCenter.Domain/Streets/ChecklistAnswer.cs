namespace CommandCenter.Domain.Streets;

/// <summary>What the person walking the street ticked for one checklist item: passed, or failed (a problem found).</summary>
public sealed record ChecklistAnswer(string Item, bool Passed);
