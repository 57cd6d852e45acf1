package io.ztix.portal.requests;

/**
 * Another live request of the same network holds this node ID. {@code visibleHolder} names it only when the
 * user may see that request (one of their own ASNs); otherwise nothing about the other member is revealed.
 */
public class NodeIdTaken extends RuntimeException {

    private final String visibleHolder;

    public NodeIdTaken(String visibleHolder) {
        super("the node ID is held by another live request of the network");
        this.visibleHolder = visibleHolder;
    }

    public String visibleHolder() {
        return visibleHolder;
    }
}
