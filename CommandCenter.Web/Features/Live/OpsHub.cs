using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Web.Features.Live;

/// <summary><c>/hubs/ops</c>: the server pushes <c>caseChanged</c> to every signed-in screen; clients only listen.</summary>
[Authorize]
public sealed class OpsHub : Hub;
