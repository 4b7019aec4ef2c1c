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

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "未找到 / Not found");
}
