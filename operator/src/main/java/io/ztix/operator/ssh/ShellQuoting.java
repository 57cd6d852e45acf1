package io.ztix.operator.ssh;

import java.util.regex.Pattern;

/** Quoting for the remote POSIX shell, and the strict rule for remote paths. */
public final class ShellQuoting {

    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");

    private ShellQuoting() {
    }

    /** Single-quotes any string for sh: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL byte");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Validates an absolute remote path ([A-Za-z0-9._/-] only, no ".." segment) and returns it quoted. */
    public static String path(String remotePath) {
        return quote(requireSafePath(remotePath));
    }

    /** Returns the path unchanged if it is absolute, made of [A-Za-z0-9._/-] only and has no ".." segment. */
    public static String requireSafePath(String remotePath) {
        if (remotePath == null || !SAFE_PATH.matcher(remotePath).matches()) {
            throw new IllegalArgumentException("remote path '" + remotePath
                    + "' must be absolute and use only A-Z a-z 0-9 . _ / -");
        }
        for (String segment : remotePath.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("remote path '" + remotePath + "' must not contain '..'");
            }
        }
        return remotePath;
    }
}
