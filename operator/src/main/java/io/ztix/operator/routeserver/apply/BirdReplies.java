package io.ztix.operator.routeserver.apply;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading what bird and birdc print. */
final class BirdReplies {

    private BirdReplies() {
    }

    /** Whether birdc's reply to {@code configure} says the new configuration is being (or will be) activated. */
    static boolean confirmsReconfiguration(String reply) {
        return reply.contains("Reconfigured") || reply.contains("Reconfiguration in progress")
                || reply.contains("queueing new config");
    }

    /** Whether birdc's reply to {@code configure check} says the file parsed. */
    static boolean confirmsCheck(String reply) {
        return reply.contains("Configuration OK");
    }

    /** The message without birdc's "BIRD x.y ready." banner and "Reading configuration from" lines. */
    static String message(String output) {
        String message = Arrays.stream(output.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .filter(line -> !(line.startsWith("BIRD ") && line.endsWith(" ready.")))
                .filter(line -> !line.startsWith("Reading configuration from"))
                .collect(Collectors.joining("\n"));
        return message.isEmpty() ? "(no output)" : message;
    }
}
