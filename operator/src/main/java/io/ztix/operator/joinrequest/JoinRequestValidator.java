package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JoinRequest the way the CRD schema and its CEL rules do, plus what they cannot express.
 * The API server normally rejects such objects already; the operator checks again because a cluster
 * without CEL support (or an object written before a rule existed) must still get a clear answer
 * instead of a failed provisioning.
 */
final class JoinRequestValidator {

    private static final Pattern NODE_ID = Pattern.compile("^[0-9a-f]{10}$");
    private static final Set<Long> RESERVED_ASNS = Set.of(0L, 23456L, 65535L, 4294967295L);
    private static final long MAX_ASN = 4294967295L;

    private JoinRequestValidator() {
    }

    /** Human-readable problems, empty when the request is valid. */
    static List<String> problems(JoinRequest request) {
        List<String> problems = new ArrayList<>();
        JoinRequestSpec spec = request.getSpec();
        if (spec == null) {
            problems.add("spec is missing");
            return problems;
        }
        if (spec.asn == null) {
            problems.add("spec.asn is missing");
        } else if (spec.asn < 1 || spec.asn > MAX_ASN) {
            problems.add("spec.asn " + spec.asn + " is outside 1..4294967295");
        } else if (RESERVED_ASNS.contains(spec.asn)) {
            problems.add("AS" + spec.asn + " is reserved and cannot peer");
        }
        if (spec.nodeId == null || !NODE_ID.matcher(spec.nodeId).matches()) {
            problems.add("spec.nodeId must be a ZeroTier node ID of 10 lower-case hex digits, got '"
                    + spec.nodeId + "'");
        } else if (spec.nodeId.startsWith("ff") || spec.nodeId.equals("0000000000")) {
            problems.add("node ID " + spec.nodeId + " is reserved by ZeroTier (ff........ and 0000000000 are never node addresses)");
        }
        if (spec.networkRef == null || spec.networkRef.isBlank()) {
            problems.add("spec.networkRef is missing");
        }
        if (problems.isEmpty()) {
            String expected = JoinRequest.nameFor(spec.networkRef, spec.asn, spec.nodeId);
            if (!expected.equals(request.getMetadata().getName())) {
                problems.add("metadata.name must be '" + expected + "' (<networkRef>-as<asn>-<nodeId>), got '"
                        + request.getMetadata().getName() + "'");
            }
        }
        Approval approval = spec.approval;
        if (approval != null && approval.decision == Approval.Decision.Rejected
                && (approval.reason == null || approval.reason.isBlank())) {
            problems.add("a rejection needs a reason: set spec.approval.reason");
        }
        if (approval != null && approval.decidedBy != null && approval.decidedBy.isBlank()) {
            problems.add("spec.approval.decidedBy must name who decided (it is blank)");
        }
        return problems;
    }
}
