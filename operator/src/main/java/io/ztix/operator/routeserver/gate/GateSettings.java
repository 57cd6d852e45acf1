package io.ztix.operator.routeserver.gate;

import java.time.Duration;

/**
 * How the health gate judges an apply.
 *
 * @param settleTime    how long sessions may take to come back after an apply before the verdict
 * @param minMembers    a rollback needs the dropped sessions to belong to at least this many members
 * @param minPercent    ... and to be at least this share (in percent) of the sessions Established before
 */
public record GateSettings(Duration settleTime, int minMembers, int minPercent) {

    public GateSettings {
        if (settleTime == null || settleTime.isNegative()) {
            throw new IllegalArgumentException("apply settle time must be zero or positive, got " + settleTime);
        }
        if (minMembers < 1) {
            throw new IllegalArgumentException("rollback-min-members must be at least 1, got " + minMembers);
        }
        if (minPercent < 0 || minPercent > 100) {
            throw new IllegalArgumentException("rollback-min-percent must be 0..100, got " + minPercent);
        }
    }
}
