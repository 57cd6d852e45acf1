package io.ztix.operator.routeserver.gate;

import java.util.List;

/**
 * What the health gate concluded from one look at the sessions.
 *
 * @param outcome        see {@link Outcome}
 * @param dropped        watched sessions not Established (sorted); empty when all are
 * @param droppedMembers number of members those sessions belong to
 */
public record Verdict(Outcome outcome, List<String> dropped, int droppedMembers) {

    public enum Outcome {
        /** Every watched session is Established: keep the configuration. */
        CONFIRMED,
        /** Some are not Established yet and the settle time is not over: look again later. */
        WAIT,
        /** The settle time is over; what is still down is below the rollback trigger: keep the configuration. */
        CONFIRMED_WITH_LOSSES,
        /** The settle time is over and enough sessions of enough members are down: roll back. */
        ROLL_BACK
    }

    public Verdict {
        dropped = List.copyOf(dropped);
    }

    public boolean concluded() {
        return outcome != Outcome.WAIT;
    }
}
