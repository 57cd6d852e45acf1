package io.ztix.operator.routeserver.apply;

import io.ztix.operator.routeserver.apply.BirdApplyException.Rollback;
import io.ztix.operator.routeserver.apply.BirdApplyException.Stage;
import io.ztix.operator.ssh.CommandResult;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Replaces ZT-IX's BIRD include file on a route server so that BIRD never activates a configuration it cannot
 * parse, and puts the previous file back when anything fails. Order:
 * <ol>
 * <li>READ: sha256 of the live include file and of the last configuration BIRD confirmed (the
 * {@code .applied} marker). Both equal to the desired hash: return UNCHANGED, nothing else runs.</li>
 * <li>UPLOAD: write {@code <include>.candidate} next to the live file (same permissions) and verify its hash.</li>
 * <li>CHECK: copy the main config with the include line pointing at the candidate, then {@code bird -p -c}
 * that copy and {@code birdc configure check} it in the running daemon. The live files are untouched, so a
 * rejected candidate changes nothing.</li>
 * <li>SWAP: drop the marker, back the live file up to {@code <include>.previous}, {@code mv -f} the candidate
 * over the live file (atomic: same directory).</li>
 * <li>CONFIGURE: {@code birdc configure} within the configure timeout. BIRD parses before activating, so even
 * a file changed behind our back is never activated unparsed.</li>
 * <li>CONFIRM: birdc must answer "Reconfigured", "Reconfiguration in progress" or "queueing new config"; then
 * the marker records the new hash.</li>
 * </ol>
 * Any failure from SWAP on moves {@code .previous} back and runs {@code birdc configure} again.
 *
 * <p>{@link #rollBack} undoes a successful apply later (the health gate's verdict), from the same {@code .previous}.
 */
public final class BirdApplier {

    private static final Logger LOG = Logger.getLogger(BirdApplier.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Applies {@code config} as the include file, over one already-open session (use one session per apply).
     *
     * @throws BirdApplyException naming the failed stage, BIRD's own message and whether the previous file was
     *         restored
     */
    public ApplyResult apply(SshSession ssh, BirdTarget target, String config) {
        BirdCommands commands = new BirdCommands(target);
        byte[] content = config.getBytes(StandardCharsets.UTF_8);
        String desired = sha256(content);

        String live = readHash(ssh, commands, target.includePath(), Stage.READ);
        String confirmed = readMarker(ssh, commands, target);
        if (desired.equals(live) && desired.equals(confirmed)) {
            LOG.debugf("%s already has %s; nothing to do", target.includePath(), desired);
            return new ApplyResult(ApplyResult.Outcome.UNCHANGED, desired, live, "");
        }

        upload(ssh, commands, target, content, desired);
        check(ssh, commands, target);
        swap(ssh, commands, target);
        String reply = configure(ssh, commands, target);
        recordConfirmed(ssh, commands, target, desired);
        LOG.infof("applied %s (sha256 %s, was %s): %s", target.includePath(), desired, live, reply);
        return new ApplyResult(ApplyResult.Outcome.APPLIED, desired, live, reply);
    }

    /**
     * Puts back the file an earlier {@link #apply} replaced, after BIRD took the new one but it hurt: checks that the
     * live file is still {@code appliedSha256} and {@code .previous} is {@code previousSha256} (null: there was no
     * live file, so {@code .previous} is empty), moves {@code .previous} over the live file, {@code birdc configure}s
     * and records the previous hash as confirmed.
     *
     * @throws BirdApplyException at stage ROLLBACK: NOT_NEEDED when nothing was changed (a file is not what it
     *         should be), FAILED when BIRD did not take the restored file
     */
    public void rollBack(SshSession ssh, BirdTarget target, String appliedSha256, String previousSha256) {
        BirdCommands commands = new BirdCommands(target);
        String live = readHash(ssh, commands, target.includePath(), Stage.ROLLBACK);
        if (!appliedSha256.equals(live)) {
            throw failure(Stage.ROLLBACK, target.includePath() + " has sha256 " + live + ", not the applied "
                    + appliedSha256 + ": it was changed since; not rolling back");
        }
        String expectedPrevious = previousSha256 == null ? sha256(new byte[0]) : previousSha256;
        String previous = readHash(ssh, commands, target.previousPath(), Stage.ROLLBACK);
        if (!expectedPrevious.equals(previous)) {
            throw failure(Stage.ROLLBACK, target.previousPath() + " has sha256 " + previous + ", expected "
                    + expectedPrevious + ": the previous file is gone; not rolling back");
        }
        beforeSwap(ssh, commands.remove(target.appliedMarkerPath()), Stage.ROLLBACK);
        String problem = restorePrevious(ssh, commands, target);
        if (problem != null) {
            LOG.errorf("rollback of %s failed: %s", target.includePath(), problem);
            throw new BirdApplyException(Stage.ROLLBACK, "restoring the previous file failed", Rollback.FAILED, problem,
                    null);
        }
        recordConfirmed(ssh, commands, target, expectedPrevious);
        LOG.warnf("rolled %s back from %s to %s", target.includePath(), appliedSha256, expectedPrevious);
    }

    private String readHash(SshSession ssh, BirdCommands commands, String file, Stage stage) {
        String output = beforeSwap(ssh, commands.sha256(file), stage).stdout().strip();
        if (output.isEmpty()) {
            return null;
        }
        String hash = output.split("\\s+")[0];
        if (!SHA256.matcher(hash).matches()) {
            throw failure(stage, "unexpected sha256sum output for " + file + ": " + output);
        }
        return hash;
    }

    private String readMarker(SshSession ssh, BirdCommands commands, BirdTarget target) {
        return beforeSwap(ssh, commands.readIfExists(target.appliedMarkerPath()), Stage.READ).stdout().strip();
    }

    private void upload(SshSession ssh, BirdCommands commands, BirdTarget target, byte[] content, String desired) {
        String candidate = target.candidatePath();
        beforeSwap(ssh, commands.copyAttributes(target.includePath(), candidate), Stage.UPLOAD);
        beforeSwap(ssh, commands.write(candidate), content, Stage.UPLOAD);
        String uploaded = readHash(ssh, commands, candidate, Stage.UPLOAD);
        if (!desired.equals(uploaded)) {
            throw failure(Stage.UPLOAD, candidate + " has sha256 " + uploaded + " after upload, expected " + desired);
        }
    }

    private void check(SshSession ssh, BirdCommands commands, BirdTarget target) {
        String main = beforeSwap(ssh, commands.read(target.mainConfigPath()), Stage.CHECK).stdout();
        String checkConfig;
        try {
            checkConfig = CheckMainConfig.rewrite(main, target);
        } catch (IllegalArgumentException e) {
            throw failure(Stage.CHECK, e.getMessage());
        }
        String checkPath = target.checkMainConfigPath();
        try {
            beforeSwap(ssh, commands.copyAttributes(target.mainConfigPath(), checkPath), Stage.CHECK);
            beforeSwap(ssh, commands.write(checkPath), checkConfig.getBytes(StandardCharsets.UTF_8), Stage.CHECK);
            beforeSwap(ssh, commands.parseOnly(checkPath), Stage.CHECK);
            String reply = beforeSwap(ssh, commands.configureCheck(checkPath), Stage.CHECK).stdout();
            if (!BirdReplies.confirmsCheck(reply)) {
                throw failure(Stage.CHECK, BirdReplies.message(reply));
            }
        } finally {
            removeQuietly(ssh, commands, checkPath);
        }
    }

    private void swap(SshSession ssh, BirdCommands commands, BirdTarget target) {
        beforeSwap(ssh, commands.remove(target.appliedMarkerPath()), Stage.SWAP);
        beforeSwap(ssh, commands.backup(target.includePath(), target.previousPath()), Stage.SWAP);
        CommandResult moved = runOrRollBack(ssh, commands, target, commands.move(target.candidatePath(),
                target.includePath()), Stage.SWAP);
        if (!moved.succeeded()) {
            throw rolledBack(ssh, commands, target, Stage.SWAP, BirdReplies.message(moved.output()), null);
        }
    }

    private String configure(SshSession ssh, BirdCommands commands, BirdTarget target) {
        CommandResult result = runOrRollBack(ssh, commands, target, commands.configure(), Stage.CONFIGURE);
        String reply = BirdReplies.message(result.output());
        if (!result.succeeded()) {
            throw rolledBack(ssh, commands, target, Stage.CONFIGURE, reply, null);
        }
        if (!BirdReplies.confirmsReconfiguration(result.stdout())) {
            throw rolledBack(ssh, commands, target, Stage.CONFIRM, reply, null);
        }
        return reply;
    }

    private void recordConfirmed(SshSession ssh, BirdCommands commands, BirdTarget target, String desired) {
        try {
            ssh.exec(commands.write(target.appliedMarkerPath()), (desired + "\n").getBytes(StandardCharsets.UTF_8),
                    ssh.target().commandTimeout()).requireSuccess();
        } catch (RuntimeException e) {
            // BIRD runs the new file; without the marker the next apply merely repeats a no-op reconfigure.
            LOG.warnf("applied %s but could not record it in %s: %s", target.includePath(),
                    target.appliedMarkerPath(), e.getMessage());
        }
    }

    private CommandResult runOrRollBack(SshSession ssh, BirdCommands commands, BirdTarget target, String command,
            Stage stage) {
        try {
            return ssh.exec(command, target.configureTimeout());
        } catch (SshException e) {
            throw rolledBack(ssh, commands, target, stage, e.getMessage(), e);
        }
    }

    private BirdApplyException rolledBack(SshSession ssh, BirdCommands commands, BirdTarget target, Stage stage,
            String message, Throwable cause) {
        LOG.warnf("applying %s failed at %s: %s; restoring %s", target.includePath(), stage, message,
                target.previousPath());
        String problem = restorePrevious(ssh, commands, target);
        if (problem == null) {
            return new BirdApplyException(stage, message, Rollback.RESTORED, null, cause);
        }
        LOG.errorf("rollback of %s failed: %s", target.includePath(), problem);
        return new BirdApplyException(stage, message, Rollback.FAILED, problem, cause);
    }

    /** Moves the previous file back and reconfigures; returns null on success, else what went wrong. */
    private String restorePrevious(SshSession ssh, BirdCommands commands, BirdTarget target) {
        try {
            CommandResult moved = ssh.exec(commands.move(target.previousPath(), target.includePath()),
                    target.configureTimeout());
            if (!moved.succeeded()) {
                return "restoring " + target.previousPath() + " failed: " + BirdReplies.message(moved.output());
            }
            CommandResult reconfigured = ssh.exec(commands.configure(), target.configureTimeout());
            if (!reconfigured.succeeded() || !BirdReplies.confirmsReconfiguration(reconfigured.stdout())) {
                return "birdc configure with the restored file failed: " + BirdReplies.message(reconfigured.output());
            }
            return null;
        } catch (SshException e) {
            return e.getMessage();
        }
    }

    /** Runs a step before the live file is touched: any failure needs no rollback. */
    private static CommandResult beforeSwap(SshSession ssh, String command, Stage stage) {
        return beforeSwap(ssh, command, null, stage);
    }

    private static CommandResult beforeSwap(SshSession ssh, String command, byte[] stdin, Stage stage) {
        CommandResult result;
        try {
            result = ssh.exec(command, stdin, ssh.target().commandTimeout());
        } catch (SshException e) {
            throw new BirdApplyException(stage, e.getMessage(), Rollback.NOT_NEEDED, null, e);
        }
        if (!result.succeeded()) {
            throw failure(stage, BirdReplies.message(result.output()));
        }
        return result;
    }

    private static void removeQuietly(SshSession ssh, BirdCommands commands, String file) {
        try {
            ssh.exec(commands.remove(file));
        } catch (SshException e) {
            LOG.debugf("could not remove %s: %s", file, e.getMessage());
        }
    }

    private static BirdApplyException failure(Stage stage, String message) {
        return new BirdApplyException(stage, message, Rollback.NOT_NEEDED, null, null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
