using CommandCenter.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CommandCenter.Web.Problems;

/// <summary>
/// Writes a <see cref="Refusal"/> as RFC 7807 problem details in the request's language: a title for the status,
/// a detail sentence, and for 400 an <c>errors</c> object with one message per refused field.
/// </summary>
public sealed class ProblemResult(Refusal refusal) : IResult
{
    public Refusal Refusal { get; } = refusal;

    public async Task ExecuteAsync(HttpContext http)
    {
        var messages = http.RequestServices.GetRequiredService<Messages>();
        var details = Refusal.Fields.Count > 0
            ? new ValidationProblemDetails(Refusal.Fields.GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => g.Select(messages.Text).ToArray()))
            : new ProblemDetails();
        details.Status = Refusal.Status;
        details.Title = messages.Title(Refusal.Status);
        details.Detail = Refusal.Fields.Count > 0
            ? string.Join("; ", Refusal.Fields.Select(f => $"{f.Field}: {messages.Text(f)}"))
            : messages.Text(Refusal.Code, Refusal.Args);
        details.Type = $"https://tools.ietf.org/html/rfc9110#section-15.{(Refusal.Status >= 500 ? 6 : 5)}";
        details.Extensions["code"] = Refusal.Code;
        if (Refusal.AllowedActions is { } allowed)
        {
            details.Extensions["allowedActions"] = allowed;
        }
        http.Response.StatusCode = Refusal.Status;
        await http.Response.WriteAsJsonAsync(details, details.GetType(), options: null, contentType: "application/problem+json");
    }
}
