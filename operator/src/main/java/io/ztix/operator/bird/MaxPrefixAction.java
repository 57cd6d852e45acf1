package io.ztix.operator.bird;

/** What BIRD does when a member session exceeds its max-prefix limit ({@code receive limit ... action}). */
public enum MaxPrefixAction {
    /** Log a warning and keep accepting routes. */
    Warn("warn"),
    /** Keep the session up but ignore routes beyond the limit. */
    Block("block"),
    /** Tear the session down and let it reconnect. */
    Restart("restart"),
    /** Tear the session down and keep it down until an operator enables it again. */
    Disable("disable");

    private final String birdKeyword;

    MaxPrefixAction(String birdKeyword) {
        this.birdKeyword = birdKeyword;
    }

    public String birdKeyword() {
        return birdKeyword;
    }
}
