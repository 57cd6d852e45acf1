package io.ztix.operator.routeserver.observe;

/** One session's route counters as BIRD prints them in its channel's {@code Routes:} line. */
public record RouteCounts(int imported, int filtered, int exported) {
}
