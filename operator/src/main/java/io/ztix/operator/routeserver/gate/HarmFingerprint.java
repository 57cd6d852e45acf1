package io.ztix.operator.routeserver.gate;

import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.bird.RenderedConfig;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Identifies what hurt in a rolled-back configuration: its shared part and the blocks of the sessions that
 * dropped. A later desired configuration with the same fingerprint still contains the harmful change (e.g. a
 * new member was added, but the route server address is still wrong), so it is not tried again on its own; one
 * that changed any of those parts (the admin fixed the spec, a dropped member left) is.
 */
public final class HarmFingerprint {

    private HarmFingerprint() {
    }

    public static String of(RenderedConfig config, Collection<String> droppedSessions) {
        StringBuilder text = new StringBuilder(config.sharedSha256());
        for (String protocol : new TreeSet<>(droppedSessions)) {
            text.append('\n').append(protocol).append('=').append(config.sessionSha256().getOrDefault(protocol, "absent"));
        }
        return BirdConfigRenderer.sha256(text.toString());
    }
}
