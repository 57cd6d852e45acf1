package io.ztix.operator.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A {@code sudo} for a route server's SSH sessions (see {@link OpenSshServer#startWithCommandsFirstFrom}) that runs
 * the command as given ({@code -n} dropped) and logs it, except that it makes ONE step of an apply fail while a
 * fault file for that step exists; the fault file is removed when it fires, so a rollback that follows runs normally.
 * Faults: {@link Fault#UPLOAD} (the candidate gets one line more than was sent: the hash check must catch it),
 * {@link Fault#SWAP} ({@code mv} of the candidate over the live file is refused), {@link Fault#CONFIGURE}
 * ({@code birdc configure} exits 1 as when it cannot reach the control socket), {@link Fault#MARKER} (writing the
 * {@code .applied} marker fails: disk full), {@link Fault#ROLLBACK} ({@code mv} of {@code .previous} back fails).
 */
public final class FaultySudo {

    public enum Fault { UPLOAD, SWAP, CONFIGURE, MARKER, ROLLBACK }

    private final Path faults;
    private final Path log;

    private FaultySudo(Path faults, Path log) {
        this.faults = faults;
        this.log = log;
    }

    /** Writes {@code <bin>/sudo} for the include file {@code include} (the live file, as BirdTarget names it). */
    public static FaultySudo install(Path bin, Path include) {
        Path faults = include.resolveSibling("faults");
        Path log = include.resolveSibling("sudo-calls.log");
        String live = include.toString();
        try {
            Files.createDirectories(faults);
            Files.writeString(log, "");
            Path script = bin.resolve("sudo");
            Files.writeString(script, String.join("\n",
                    "#!/bin/sh",
                    "[ \"$1\" = -n ] && shift",
                    "echo \"$*\" >> '" + log + "'",
                    "fires() { [ -e '" + faults + "'/\"$1\" ] && rm -f '" + faults + "'/\"$1\"; }",
                    "case \"$1|$2|$3\" in",
                    "  'tee|" + live + ".candidate|') if fires UPLOAD; then { cat; echo '# one line more'; } | tee '"
                            + live + ".candidate'; exit $?; fi ;;",
                    "  'tee|" + live + ".applied|') if fires MARKER; then cat > /dev/null; echo 'tee: " + live
                            + ".applied: No space left on device' >&2; exit 1; fi ;;",
                    "  'mv|-f|" + live + ".candidate') if fires SWAP; then echo \"mv: cannot move '$3' to '$4': "
                            + "Operation not permitted\" >&2; exit 1; fi ;;",
                    "  'mv|-f|" + live + ".previous') if fires ROLLBACK; then echo \"mv: cannot stat '$3': "
                            + "No such file or directory\" >&2; exit 1; fi ;;",
                    "esac",
                    "case \"$*\" in",
                    "  *' configure') if fires CONFIGURE; then echo 'Unable to connect to server control socket "
                            + "(/run/bird/bird.ctl): Permission denied' >&2; exit 1; fi ;;",
                    "esac",
                    "exec \"$@\"",
                    ""));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the fault-injecting sudo", e);
        }
        return new FaultySudo(faults, log);
    }

    /** Arms a fault: the next matching step fails (once). */
    public void arm(Fault fault) {
        try {
            Files.writeString(faults.resolve(fault.name()), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the fault is still armed (false once it fired). */
    public boolean armed(Fault fault) {
        return Files.exists(faults.resolve(fault.name()));
    }

    /** Every command run through this sudo, in order. */
    public List<String> calls() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
