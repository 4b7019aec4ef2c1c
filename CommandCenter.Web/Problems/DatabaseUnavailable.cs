using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace CommandCenter.Web.Problems;

/// <summary>
/// The database restarting or out of reach: API requests get 503 problem details with <c>Retry-After</c> instead of a
/// 500, and the connection pool is emptied, so the next requests open fresh connections rather than fail one by one
/// on the dead ones (no poisoned pool). Nothing was written: each write is one transaction.
/// </summary>
public sealed class DatabaseUnavailable(NpgsqlDataSource dataSource, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // Pages keep their error page; by now the request is on its way there, the failed path is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!Is(exception) || http.Response.HasStarted || !Localization.CultureSetup.IsMachinePath(path))
        {
            return false;
        }
        logger.LogWarning("Database unavailable for {Method} {Path}: {Error}", http.Request.Method, path, exception.GetBaseException().Message);
        dataSource.Clear();
        http.Response.Clear();
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await new ProblemResult(new Refusal(StatusCodes.Status503ServiceUnavailable, "DatabaseUnavailable", [], [])).ExecuteAsync(http);
        return true;
    }

    /// <summary>Whether the failure is the database being away (restart, shutdown, refused or dropped connection), not a bug.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == "53300":
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
