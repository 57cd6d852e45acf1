package io.ztix.operator.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

/**
 * A jsch host key repository that knows exactly one key and never learns another: {@link #check} answers
 * OK only for the pinned key, whatever the host name. It remembers what a mismatching server presented so
 * the failure can name both fingerprints.
 */
final class PinnedHostKeyRepository implements HostKeyRepository {

    private final PinnedHostKey pinned;
    private volatile byte[] rejectedKey;

    PinnedHostKeyRepository(PinnedHostKey pinned) {
        this.pinned = pinned;
    }

    @Override
    public int check(String host, byte[] key) {
        if (pinned.matches(key)) {
            return OK;
        }
        rejectedKey = key == null ? new byte[0] : key.clone();
        return CHANGED;
    }

    /** The key a server presented and {@link #check} refused, or null if none was refused. */
    byte[] rejectedKey() {
        return rejectedKey;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Never learn keys: the pin is the only truth.
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "ztix-pinned-host-key";
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[] {asHostKey("*")};
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        if (type != null && !type.equals(pinned.type())) {
            return new HostKey[0];
        }
        return new HostKey[] {asHostKey(host == null ? "*" : host)};
    }

    private HostKey asHostKey(String host) {
        try {
            return new HostKey(host, pinned.blob());
        } catch (JSchException e) {
            throw new IllegalStateException("jsch cannot represent pinned key " + pinned, e);
        }
    }
}
