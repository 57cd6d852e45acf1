package io.ztix.operator.zerotier;

import java.util.List;
import java.util.Optional;

/**
 * The ZeroTier network controller operations ZT-IX needs, for a self-hosted controller or ZeroTier
 * Central. Every call may throw {@link ZeroTierException} (see its {@link ZeroTierException.Kind});
 * bad arguments (malformed IDs) throw IllegalArgumentException before anything is sent. Writes are
 * read back and a difference throws {@link ReadBackMismatchException}.
 */
public interface ZeroTierController {

    /** Proves the controller is reachable and accepts the token; for self-hosted also its node address. */
    ControllerStatus status();

    /** The network, or empty when the controller has no such network. */
    Optional<NetworkInfo> getNetwork(String networkId);

    /**
     * Creates (self-hosted only) the network {@code <controller address><idSuffix>}, or one with a random
     * ID when {@code idSuffixOrNull} is null, and writes the settings. Central refuses with PERMANENT: its
     * networks are adopted, never created.
     */
    NetworkInfo createNetwork(String idSuffixOrNull, NetworkSettings desired);

    /** Writes all ZT-IX-owned settings of an existing network (arrays replaced whole). */
    NetworkInfo updateNetwork(String networkId, NetworkSettings desired);

    /** Node IDs (lower case, sorted) of the network's members; NOT_FOUND when the network is missing. */
    List<String> listMembers(String networkId);

    /** The member, or empty when the network has no such member (or the network is missing). */
    Optional<Member> getMember(String networkId, String nodeId);

    /** Creates or updates the member; an identical second call changes nothing visible. */
    Member upsertMember(String networkId, String nodeId, MemberSettings desired);

    /** Deauthorizes, then deletes the member; a member (or network) that is already gone is fine. */
    void deleteMember(String networkId, String nodeId);
}
