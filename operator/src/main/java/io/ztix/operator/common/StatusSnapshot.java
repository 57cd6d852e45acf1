package io.ztix.operator.common;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;

/**
 * Remembers a status as it was when a reconciliation started, so that the reconciler writes status only
 * when something really changed (no write, no new event, no reconcile loop).
 */
public final class StatusSnapshot {

    private final String before;

    private StatusSnapshot(Object status) {
        this.before = status == null ? null : Serialization.asJson(status);
    }

    public static StatusSnapshot of(Object status) {
        return new StatusSnapshot(status);
    }

    public boolean changed(Object status) {
        String after = status == null ? null : Serialization.asJson(status);
        return !Objects.equals(before, after);
    }
}
