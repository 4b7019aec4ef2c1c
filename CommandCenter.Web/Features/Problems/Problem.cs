namespace CommandCenter.Web.Features.Problems;

/// <summary>RFC 7807 problem responses whose messages a clerk can read: Chinese first, then English.</summary>
public static class Problem
{
    /// <summary>400 with field-level messages, e.g. <c>errors.lon = ["经度必须是数字 / lon must be a number"]</c>.</summary>
    public static IResult BadRequest(params (string Field, string Message)[] errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "请求参数有误 / One or more fields are invalid");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "未登录或凭据无效 / Not signed in");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "无权操作 / Forbidden");

    public static IResult Conflict(string detail, object? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "操作冲突 / Conflict",
            extensions: extensions is null ? null : new Dictionary<string, object?> { ["allowedActions"] = extensions });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "未找到 / Not found");
}
