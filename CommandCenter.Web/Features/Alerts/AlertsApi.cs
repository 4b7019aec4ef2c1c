using System.Security.Claims;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Alerts;

/// <summary><c>GET /api/alerts?mine=true</c> (leaders without <c>mine</c>: every alert) and <c>POST /api/alerts/{id}/ack</c>.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts").RequireAuthorization().WithTags("Alerts");
        api.MapGet("", async (bool? mine, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
            Results.Ok(await alerts.ListAsync(user.ToActor()!, mine ?? false, ct)));
        api.MapPost("/{id:guid}/ack", async (Guid id, ClaimsPrincipal user, AlertService alerts, CancellationToken ct) =>
            await alerts.AcknowledgeAsync(id, user.ToActor()!, ct) ? Results.NoContent() : Problem.NotFound("NoSuchAlert", id));
        return app;
    }
}
