namespace CommandCenter.Domain.Validation;

/// <summary>A refusal of one input field: a message code (the UI looks up "Error_{Code}" in its resources) and the values for its placeholders.</summary>
public sealed record FieldError(string Field, string Code, params object?[] Args);
