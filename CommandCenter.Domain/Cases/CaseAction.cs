namespace CommandCenter.Domain.Cases;

/// <summary>Every step a person (or the clock) can take on a case (domain.md §4.3); slugs in <see cref="CaseActions"/>.</summary>
public enum CaseAction
{
    Report, Accept, Verify, VerifyFalse, Merge, Reject, File, Dispatch, Return, ApproveReturn, DenyReturn,
    RequestExtension, ApproveExtension, DenyExtension, RequestShelve, ApproveShelve, DenyShelve, Restore,
    Handle, SendCheck, CheckPass, CheckFail, Close, SelfHandle, ApproveSelfHandled, RejectSelfHandled,
    RequestVoid, ApproveVoid, DenyVoid, Remind, Supervise,
}
