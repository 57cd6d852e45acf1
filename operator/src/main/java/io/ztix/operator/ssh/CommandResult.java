package io.ztix.operator.ssh;

/** What a remote command returned. exitCode is -1 when the server sent no exit status (e.g. killed by a signal). */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws {@link SshException.Kind#COMMAND_FAILED} with stderr if it failed. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new SshException(SshException.Kind.COMMAND_FAILED, "'" + command + "' exited with " + exitCode
                    + ": " + firstNonBlank(stderr, stdout));
        }
        return this;
    }

    /** stderr and stdout together, trimmed: what a tool printed, for error messages. */
    public String output() {
        String both = (stdout.strip() + "\n" + stderr.strip()).strip();
        return both.isEmpty() ? "(no output)" : both;
    }

    private static String firstNonBlank(String first, String second) {
        if (!first.isBlank()) {
            return first.strip();
        }
        return second.isBlank() ? "(no output)" : second.strip();
    }
}
