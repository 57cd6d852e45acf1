package io.ztix.operator.testsupport.lab;

import java.util.List;

/** Exit code and combined stdout/stderr of a finished command. */
public record ExecResult(List<String> command, int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws with the command and its output when it failed. */
    public ExecResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException(
                    "command " + command + " exited with " + exitCode + ":\n" + output);
        }
        return this;
    }
}
