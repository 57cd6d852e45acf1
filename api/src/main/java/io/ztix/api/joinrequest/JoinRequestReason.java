package io.ztix.api.joinrequest;

/**
 * Every {@code reason} the operator writes into a JoinRequest's {@code status.conditions[]}. The operator's status
 * recorder takes only these (so a new reason cannot be written without being added here), and the portal renders a
 * member's conditions from the reason in the member's language, never from the operator's English message; its
 * test fails when one of these has no translation.
 */
public enum JoinRequestReason {
    // Valid
    Valid,
    InvalidSpec,
    NetworkNotFound,
    NodeIdConflict,
    // Approved
    AwaitingDecision,
    Approved,
    Rejected,
    // MemberAuthorized
    Authorized,
    Removed,
    RemovalPending,
    // RouteServersConfigured
    Configured,
    NoRouteServers,
    Waiting,
    // Ready
    Provisioning,
    Active,
    Failed,
    NetworkNotReady,
    // Degraded (and Ready while degraded)
    Healthy,
    ControllerUnavailable,
    TokenRejected,
    TokenSecretUnavailable,
    NetworkMissingOnController,
    ControllerRefused,
    KubernetesApiError,
    NetworkUnreadable,
    SpecChangedAfterAdmission,
    TermsChangedWithoutApproval,
    // MemberCheck (re-checks against PeeringDB after admission)
    Passed,
    NoPeeringDbNetwork,
    NeverViaRouteServers,
    FindingAcknowledged,
    // Ready while suspended
    Suspended
}
