namespace CommandCenter.Domain.Cases;

/// <summary>One input an action asks for (field name as the API takes it), so forms are built from the workflow table.</summary>
public sealed record ActionInputNeed(string Field, bool Required, int MinCount = 0);
