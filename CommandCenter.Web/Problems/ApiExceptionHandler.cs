using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace CommandCenter.Web.Problems;

/// <summary>
/// Every failure of an API request becomes RFC 7807 problem details, never an HTML page or an empty body: a body or
/// query value of the wrong type names the field and the type expected (400), a body too large is 413, the database
/// being unreachable is 503 with Retry-After, and anything else is a 500 without internals. Pages keep their error page.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // By now the request is on its way to the error page: the path that failed is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!CultureSetup.IsMachinePath(path) || http.Response.HasStarted)
        {
            return false;
        }
        var refusal = Classify(exception);
        if (refusal.Status >= 500)
        {
            logger.LogError(exception, "{Method} {Path} failed", http.Request.Method, path);
        }
        if (refusal.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }
        http.Response.Clear();
        await new ProblemResult(refusal).ExecuteAsync(http);
        return true;
    }

    private static Refusal Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => BodyField(json),
        BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } m =>
            Refusal.Field(m.Groups["name"].Value, "WrongType", TypeWord(m.Groups["type"].Value)),
        BadHttpRequestException bad when MissingBody().IsMatch(bad.Message) => Refusal.Field("body", "BodyRequired"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new Refusal(StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", [], []),
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 => new Refusal(bad.StatusCode, "BodyUnreadable", [], [new FieldError("body", "BodyUnreadable")]),
        JsonException json => BodyField(json),
        PostgresException { SqlState: "22021" or "22P05" } => Refusal.Field("body", "ControlCharacter"),
        _ when IsDatabaseDown(exception) => new Refusal(StatusCodes.Status503ServiceUnavailable, "DatabaseUnavailable", [], []),
        _ => new Refusal(StatusCodes.Status500InternalServerError, "Internal", [], []),
    };

    /// <summary>"$.photoIds[0]" → photoIds[0]; the expected type from the converter's message.</summary>
    private static Refusal BodyField(JsonException json)
    {
        var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "body";
        if (field.Length == 0)
        {
            field = "body";
        }
        var type = ExpectedType(json);
        return type is null ? Refusal.Field(field, "JsonInvalid") : Refusal.Field(field, "WrongType", type);
    }

    /// <summary>What the reader wanted where the value did not fit: from the innermost converter message.</summary>
    private static string? ExpectedType(JsonException json)
    {
        var inner = json.InnerException?.Message ?? "";
        if (TokenAs().Match(inner) is { Success: true } token)
        {
            return token.Groups["want"].Value.ToLowerInvariant() switch { "a number" or "number" => "number", "a string" or "string" => "string", "a boolean" or "boolean" => "boolean", var w => w };
        }
        if (inner.Contains("for a Double", StringComparison.Ordinal) || inner.Contains("for an Int", StringComparison.Ordinal) || inner.Contains("for a Decimal", StringComparison.Ordinal))
        {
            return "number";
        }
        if (inner.Contains("Guid", StringComparison.Ordinal))
        {
            return "uuid";
        }
        return ConvertTo().Match(json.Message) is { Success: true } m && !m.Groups["type"].Value.StartsWith("CommandCenter", StringComparison.Ordinal)
            ? TypeWord(m.Groups["type"].Value)
            : null;
    }

    [GeneratedRegex("Cannot get the value of a token type '[^']+' as (?<want>a number|a string|a boolean|[a-z]+)")]
    private static partial Regex TokenAs();

    private static string TypeWord(string clrType)
    {
        var t = clrType.Replace("System.Nullable`1[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal).Trim();
        var array = t.EndsWith("[", StringComparison.Ordinal) || clrType.Contains("[]", StringComparison.Ordinal) || t.Contains("List`1", StringComparison.Ordinal);
        var name = t.Split('.', '[').Where(p => p.Length > 0).Select(p => p.TrimEnd('[')).LastOrDefault() ?? t;
        var word = name.ToLowerInvariant() switch
        {
            "double" or "single" or "decimal" or "int32" or "int64" or "int" or "long" or "double?" or "int?" => "number",
            "guid" => "uuid",
            "boolean" or "bool" => "boolean",
            "string" => "string",
            "datetimeoffset" or "datetime" or "dateonly" => "date",
            _ => "object",
        };
        return array ? $"array of {word}" : word;
    }

    private static bool IsDatabaseDown(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "[^"]+" was not provided from body|Implicit body inferred""")]
    private static partial Regex MissingBody();

    [GeneratedRegex("""could not be converted to (?<type>[^ .]+(?:\.[^ ]+)*?)\. Path""")]
    private static partial Regex ConvertTo();
}
