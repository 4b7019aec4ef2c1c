using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Components.Citizen;

/// <summary>Who sees a citizen reporter's full phone: the centre's desks; everyone else who may read the case sees it masked.</summary>
public static class ReporterVisibility
{
    public static readonly IReadOnlyList<Role> FullContactRoles = [Role.Intake, Role.ShiftLead, Role.Dispatcher, Role.Leader, Role.Admin];

    public static bool SeesFullContact(Actor actor) => FullContactRoles.Any(actor.Has);
}
